package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.docker.testing.BigImage;
import io.github.gpuenv.docker.testing.Leaks;
import io.github.gpuenv.docker.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the daemon itself, injected on the throwaway engine ({@code .ci/docker-engines.sh throwaway}): a daemon
 * that is gone before the connect (crashed with its socket left, or stopped with the socket removed), killed in the
 * middle of a pull, and restarted between two runs of one client. Each ends typed, in bounded time, with no
 * container, partial image or thread left behind.
 */
class DaemonFaultsIT {

    /** The throwaway dockerd's pidfile (see .ci/docker-engines.sh). */
    private static final Path THROWAWAY_PID = Path.of("/run/gpuenv-docker-tmp/docker.pid");

    @AfterEach
    void stopThrowaway() {
        TestEngines.script("throwaway", "stop");
    }

    private static String freshThrowaway() {
        TestEngines.script("throwaway", "stop");
        return TestEngines.script("throwaway", "start");
    }

    /** SIGKILLs the throwaway dockerd directly (its socket file stays behind, as after a crash). */
    private static void sigkillThrowaway() {
        try {
            long pid = Long.parseLong(Files.readString(THROWAWAY_PID, StandardCharsets.US_ASCII).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ConnectOptions options(String host) {
        return ConnectOptions.builder().dockerHost(host).build();
    }

    private static void assertNotRunning(String host) {
        assertThatThrownBy(() -> DockerGpu.connect(options(host)).close())
                .isInstanceOfSatisfying(DockerUnavailableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DockerUnavailableException.Kind.NOT_RUNNING);
                    assertThat(e.endpoint()).isEqualTo(host);
                    assertThat(e.remedy()).contains("start Docker");
                });
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder().environment(TestEngines.environment(host))
                .probeTimeout(Duration.ofSeconds(10)).build());
        assertThat(report.docker().unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(report.docker().describe()).contains("Docker Engine not running at " + host);
        assertThat(report.toJson()).contains("\"not-found\"");
    }

    @Test
    void aDaemonGoneBeforeTheConnectIsNotRunningAndDetectSaysNotFound() throws Exception {
        Set<Thread> before = Leaks.threads();
        String host = freshThrowaway();
        try (DockerGpu docker = DockerGpu.connect(options(host))) {
            assertThat(docker.engine().serverVersion()).startsWith("20.10.");
        }
        sigkillThrowaway();                           // crashed: the socket file is left, nothing listens
        awaitDead();
        assertThat(Path.of(host.substring("unix://".length()))).exists();
        assertNotRunning(host);
        TestEngines.script("throwaway", "kill");      // cleaned up: no socket file at all
        assertThat(Path.of(host.substring("unix://".length()))).doesNotExist();
        assertNotRunning(host);
        Leaks.awaitThreadsEnded(before);
    }

    @Test
    void aDaemonKilledMidPullIsTypedAndTagsNoImage() throws Exception {
        String image = BigImage.ensureInRegistry();
        Set<Thread> before = Leaks.threads();
        String host = freshThrowaway();
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Throwable> outcome;
        try (DockerGpu docker = DockerGpu.connect(options(host))) {
            assertThat(docker.hasImage(image)).isFalse();
            outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    docker.pull(image, PullPolicy.ALWAYS, p -> {
                        if (p.currentBytes() > 0 && killed.compareAndSet(false, true)) {
                            sigkillThrowaway();       // the first bytes of the layer arrived: kill mid-download
                        }
                    });
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable failure = outcome.get(120, TimeUnit.SECONDS);
            assertThat(killed).as("the pull reported download progress before it ended").isTrue();
            assertThat(failure).as("the pull must fail typed when its daemon dies")
                    .isInstanceOfSatisfying(DockerUnavailableException.class,
                            e -> assertThat(e.attempted()).isEqualTo("pull " + image));
        }
        TestEngines.script("throwaway", "kill");
        TestEngines.script("throwaway", "start");
        assertThat(TestEngines.get(host, "/images/" + image + "/json")).as("a partial pull must not be tagged")
                .contains("No such image");
        Leaks.awaitThreadsEnded(before);
    }

    /**
     * Decision: one {@link DockerGpu} survives a daemon restart. Each request opens its connection anew (or the
     * transport re-validates a pooled one), so after the engine is back the next run works; while it is down, a run
     * fails with {@link DockerUnavailableException}.
     */
    @Test
    void oneClientKeepsWorkingAcrossADaemonRestart() throws Exception {
        String host = freshThrowaway();
        String image = TestEngines.require(TestEngines.REGISTRY) + "/" + TestEngines.image();
        try (DockerGpu docker = DockerGpu.connect(options(host))) {
            docker.pull(image, PullPolicy.MISSING, PullListener.none());
            RunOptions echo = RunOptions.builder(image).command("echo", "before").pullPolicy(PullPolicy.NEVER).build();
            assertThat(docker.run(echo).stdout()).isEqualTo("before\n");
            TestEngines.script("throwaway", "kill");
            assertThatThrownBy(() -> docker.run(echo)).isInstanceOfSatisfying(DockerUnavailableException.class,
                    e -> assertThat(e.kind()).isEqualTo(DockerUnavailableException.Kind.NOT_RUNNING));
            TestEngines.script("throwaway", "start");
            RunResult after = docker.run(echo.toBuilder().command("echo", "after").build());
            assertThat(after.stdout()).isEqualTo("after\n");
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    private static void awaitDead() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                long pid = Long.parseLong(Files.readString(THROWAWAY_PID, StandardCharsets.US_ASCII).strip());
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    return;
                }
            } catch (java.io.IOException e) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the throwaway dockerd outlived SIGKILL for 30 s");
    }
}
