package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs containers on the real engines (Engine 20.10, 26.1 and Podman 5.4); after each, no gpuenv container may remain. */
class DockerGpuRunIT {

    private static RunOptions.Builder busybox(String... argv) {
        return RunOptions.builder(TestEngines.image()).command(argv).pullPolicy(PullPolicy.NEVER);
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void withoutGpusReturnsOutputAndExitCode(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            List<String> streamed = new CopyOnWriteArrayList<>();
            RunResult r = docker.run(busybox("sh", "-c", "echo hello; echo oops >&2; exit 3").build(),
                    (stream, bytes) -> streamed.add(stream + ":" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("hello\n");
            assertThat(r.stderr()).isEqualTo("oops\n");
            assertThat(r.outputTruncated()).isFalse();
            assertThat(r.attach()).isNull();
            assertThat(streamed).contains("STDOUT:hello\n", "STDERR:oops\n");
            assertThat(r.timings().total()).isPositive();
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void leastPrivilegeByDefault(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            // CapEff of PID 1: all capabilities dropped; no network interfaces but lo; no-new-privileges set
            RunResult r = docker.run(busybox("sh", "-c", "grep -E '^(CapEff|NoNewPrivs)' /proc/self/status;"
                    + " ls /sys/class/net").build());
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).contains("CapEff:\t0000000000000000").contains("NoNewPrivs:\t1");
            assertThat(r.stdout().lines().filter(l -> !l.startsWith("CapEff") && !l.startsWith("NoNewPrivs")))
                    .containsExactly("lo");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void outputIsBounded(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            RunResult r = docker.run(busybox("sh", "-c", "head -c 100000 /dev/zero").maxOutputBytes(1000).build());
            assertThat(r.stdout()).hasSize(1000);
            assertThat(r.outputTruncated()).isTrue();
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void timeoutKillsAndRemoves(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(busybox("sleep", "60").timeout(Duration.ofMillis(700)).build()))
                    .isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("PT0.7S");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void interruptKillsRemovesAndKeepsTheFlag(String variable) throws Exception {
        String host = TestEngines.require(variable);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (DockerGpu docker = TestEngines.connect(variable)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Future<?> run = pool.submit(() -> {
                try {
                    docker.run(busybox("sleep", "60").build());
                } catch (Throwable t) {
                    thrown.set(t);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            awaitRunning(host);
            run.cancel(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(thrown.get()).isInstanceOf(ContainerInterruptedException.class);
            assertThat(flag.get()).isTrue();
        } finally {
            pool.shutdownNow();
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void gpusOnAPlainEngineIsTheTypedToolkitErrorAndLeavesNothing(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(busybox("true").gpus(GpuRequest.parse("all")).build()))
                    .isInstanceOf(GpuDriverMissingException.class)
                    .hasMessageContaining("could not select device driver \"\" with capabilities: [[gpu]]")
                    .hasMessageContaining("nvidia-ctk runtime configure");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void missingImageUnderNeverIsTyped(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder("gpuenv/no-such-image:nope").pullPolicy(PullPolicy.NEVER)
                    .build())).isInstanceOf(ImageNotFoundException.class).hasMessageContaining("pull policy is never");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void aCommandThatCannotStartIsRemoved(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(busybox("/no/such/binary").build()))
                    .isInstanceOf(DockerGpuException.class).hasMessageContaining("/no/such/binary");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void concurrentLaunchesThroughOneClient(String variable) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            List<Future<RunResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                runs.add(pool.submit(() -> docker.run(busybox("echo", "run" + n).build())));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertThat(runs.get(i).get(60, TimeUnit.SECONDS).stdout()).isEqualTo("run" + i + "\n");
            }
        } finally {
            pool.shutdownNow();
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    /** Waits until a gpuenv container of this JVM runs on {@code host} (other processes' containers do not count). */
    static void awaitRunning(String host) throws InterruptedException {
        SharedEngineIT.awaitRunningOfThisJvm(host);
    }
}
