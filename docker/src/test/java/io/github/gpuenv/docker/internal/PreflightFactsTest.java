package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.internal.PreflightFacts.HostFacts;
import io.github.gpuenv.docker.internal.PreflightHostScope.Trust;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-{@code DockerGpu} cache of the engine host's facts: detected once, lazily, on its own thread; a run waits
 * for a first answer only within its limit; an old answer serves while a new one is detected. The engine's
 * {@code /info} is Engine 26.1's, served by a supplier the test holds back with a latch (no timing is asserted: a
 * held-back detection cannot answer, however long one waits).
 */
class PreflightFactsTest {

    static DetectOptions h200;
    static final byte[] INFO26 = Fixtures.bytes("engine-26.1/info.json");

    @BeforeAll
    static void h200(@TempDir Path dir) throws Exception {
        h200 = MachineCapture.replayOptions(Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"))).build();
    }

    @Test
    void detectedOnceLazilyAndThenServedFromTheCache() throws Exception {
        AtomicInteger infos = new AtomicInteger();
        PreflightFacts facts = new PreflightFacts(() -> {
            infos.incrementAndGet();
            return INFO26;
        }, "unix:///run/gpuenv-docker26/docker.sock", false, h200, true);
        assertThat(infos).hasValue(0);
        assertThat(facts.peek()).isEmpty();
        facts.prefetch();
        facts.prefetch();
        HostFacts f = facts.get(Duration.ofSeconds(30)).orElseThrow();
        assertThat(f.scope().trust()).isEqualTo(Trust.ENGINE_HOST);
        assertThat(f.nvidia().value().driverVersion()).isEqualTo("580.159.04");
        assertThat(f.engine().architecture()).isEqualTo("amd64");
        for (int i = 0; i < 10; i++) {
            assertThat(facts.get(Duration.ofSeconds(30))).containsSame(f);
        }
        assertThat(facts.peek()).containsSame(f);
        assertThat(infos).hasValue(1);
    }

    @Test
    void aRunWaitsForAFirstAnswerOnlyWithinItsLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PreflightFacts facts = new PreflightFacts(() -> {
            await(release);
            return INFO26;
        }, "unix:///x", false, h200, true);
        assertThat(facts.get(Duration.ofMillis(50))).isEmpty();
        assertThat(facts.get(Duration.ZERO)).isEmpty();
        release.countDown();
        assertThat(facts.get(Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void anOldAnswerServesWhileANewOneIsDetected() throws Exception {
        AtomicInteger infos = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch holdSecond = new CountDownLatch(1);
        PreflightFacts facts = new PreflightFacts(() -> {
            if (infos.incrementAndGet() > 1) {
                secondStarted.countDown();
                await(holdSecond);
            }
            return INFO26;
        }, "unix:///x", false, h200, true, Duration.ZERO);
        HostFacts first = facts.get(Duration.ofSeconds(30)).orElseThrow();
        // stale at once (max age 0): a refresh starts, held back, and the old answer is served without waiting
        Optional<HostFacts> during = facts.get(Duration.ZERO);
        assertThat(during).containsSame(first);
        await(secondStarted);
        assertThat(facts.get(Duration.ZERO)).containsSame(first);
        assertThat(infos.get()).as("one refresh at a time").isEqualTo(2);
        holdSecond.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (facts.peek().orElseThrow() == first && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(facts.peek().orElseThrow()).isNotSameAs(first);
    }

    @Test
    void aFailingInfoStillGivesAnAnswerThatJudgesNothingByTheEngine() throws Exception {
        PreflightFacts facts = new PreflightFacts(() -> {
            throw new IllegalStateException("engine gone");
        }, "unix:///x", false, h200, false);
        HostFacts f = facts.get(Duration.ofSeconds(30)).orElseThrow();
        assertThat(f.engine().kernel()).isEmpty();
        assertThat(f.scope().trust()).isEqualTo(Trust.NONE);
        assertThat(f.nvidia().isKnown()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
