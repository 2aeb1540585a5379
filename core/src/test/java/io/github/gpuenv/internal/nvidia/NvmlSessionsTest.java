package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NvmlSessionsTest {

    private static final NvmlCandidate WSL = new NvmlCandidate("/usr/lib/wsl/lib/libnvidia-ml.so.1", "wsl");
    private static final NvmlCandidate DEFAULT = new NvmlCandidate("libnvidia-ml.so.1", "default library path");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<String> loads = new ArrayList<>();

    @Test
    void aSessionIsInitialisedOnceAndReused() throws InterruptedException {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary().gpu(new FakeNvmlLibrary.Gpu());
        NvmlSessions sessions = sessions(nvml);

        Fact<NvidiaDriver> first = read(sessions, List.of(DEFAULT));
        Fact<NvidiaDriver> second = read(sessions, List.of(DEFAULT));

        assertThat(first).isEqualTo(second);
        assertThat(first.value().gpus()).hasSize(1);
        assertThat(loads).containsExactly("libnvidia-ml.so.1");
        assertThat(nvml.initCalls).isEqualTo(1);
        assertThat(sessions.isOpen()).isTrue();
        sessions.close();
        assertThat(nvml.shutdownCalls).isEqualTo(1);
        assertThat(sessions.isOpen()).isFalse();
    }

    @Test
    void aFailedInitIsNotRemembered() throws InterruptedException {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary();
        nvml.initRc = NvmlReturn.DRIVER_NOT_LOADED;
        NvmlSessions sessions = sessions(nvml);

        Fact<NvidiaDriver> before = read(sessions, List.of(DEFAULT));
        nvml.initRc = 0;
        Fact<NvidiaDriver> after = read(sessions, List.of(DEFAULT));

        assertThat(before).isEqualTo(Fact.unknown(Reason.DRIVER_NOT_LOADED, "nvmlInit_v2 of libnvidia-ml.so.1"
                + " (default library path): Driver Not Loaded (NVML_ERROR_DRIVER_NOT_LOADED)"));
        assertThat(after.isKnown()).isTrue();
        assertThat(nvml.initCalls).isEqualTo(2);
    }

    @Test
    void aWarmSessionThatFailsIsReinitialisedOnce() throws InterruptedException {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary();
        NvmlSessions sessions = sessions(nvml);
        assertThat(read(sessions, List.of(DEFAULT)).isKnown()).isTrue();

        nvml.driverRc = NvmlReturn.LIB_RM_VERSION_MISMATCH;
        Fact<NvidiaDriver> broken = read(sessions, List.of(DEFAULT));

        assertThat(broken.unknownReason()).contains(Reason.LIBRARY_VERSION_MISMATCH);
        assertThat(nvml.initCalls).as("warm try, then one fresh init").isEqualTo(2);
        assertThat(nvml.shutdownCalls).isEqualTo(2);
        assertThat(sessions.isOpen()).as("a failed session is forgotten").isFalse();

        nvml.driverRc = 0;
        assertThat(read(sessions, List.of(DEFAULT)).isKnown()).isTrue();
    }

    @Test
    void candidatesAreTriedInOrderAndTheMostTellingMissWins() throws InterruptedException {
        FakeNvmlLibrary linux = new FakeNvmlLibrary();
        linux.initRc = NvmlReturn.LIB_RM_VERSION_MISMATCH;
        NvmlSessions sessions = new NvmlSessions(library -> {
            loads.add(library);
            if (library.equals(WSL.library())) {
                throw new UnsatisfiedLinkError(library + ": cannot open shared object file: No such file or directory");
            }
            return linux;
        });

        Fact<NvidiaDriver> fact = read(sessions, List.of(WSL, DEFAULT));

        assertThat(loads).containsExactly(WSL.library(), DEFAULT.library());
        assertThat(fact.unknownReason()).contains(Reason.LIBRARY_VERSION_MISMATCH);
    }

    @Test
    void onlyLoadFailuresAreNotFoundWithEveryDetail() throws InterruptedException {
        NvmlSessions sessions = new NvmlSessions(library -> {
            throw new UnsatisfiedLinkError("Unable to load library '" + library + "'");
        });
        Fact<NvidiaDriver> fact = read(sessions, List.of(WSL, DEFAULT));
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains(WSL.library()).contains("libnvidia-ml.so.1 (default library path)");
    }

    @Test
    void aHungCallCostsTheNextCallerOnlyItsWait() throws InterruptedException {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary();
        NvmlSessions sessions = sessions(nvml);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread hung = new Thread(() -> {
            try {
                sessions.query(List.of(DEFAULT), WAIT, n -> {
                    inside.countDown();
                    awaitQuietly(release);
                    return Fact.known("late", "nvml");
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hung.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        Fact<String> waited = sessions.query(List.of(DEFAULT), Duration.ofMillis(50), n -> Fact.known("x", "nvml"));

        assertThat(waited.unknownReason()).contains(Reason.TIMED_OUT);
        release.countDown();
        hung.join(5000);
        assertThat(hung.isAlive()).isFalse();
    }

    @Test
    void noCandidatesIsNotFound() throws InterruptedException {
        assertThat(read(sessions(new FakeNvmlLibrary()), List.of()).unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(loads).isEmpty();
    }

    private NvmlSessions sessions(FakeNvmlLibrary nvml) {
        return new NvmlSessions(library -> {
            loads.add(library);
            return nvml;
        });
    }

    private static Fact<NvidiaDriver> read(NvmlSessions sessions, List<NvmlCandidate> candidates)
            throws InterruptedException {
        return sessions.query(candidates, WAIT, n -> new NvmlDeviceReader(n).read());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
