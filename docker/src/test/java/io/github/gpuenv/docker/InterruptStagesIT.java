package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.BigImage;
import io.github.gpuenv.docker.testing.Leaks;
import io.github.gpuenv.docker.testing.TestEngines;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The caller's thread interrupted at each stage of a run on Engine 20.10 — during the pull, during create, during
 * start, while waiting, while following the logs: each ends with {@link ContainerInterruptedException}, the
 * interrupt flag set again, no gpuenv container left and no stream thread left running.
 */
class InterruptStagesIT {

    /** What a run on its own thread ended with. */
    private record Outcome(Throwable thrown, boolean flagKept) {
    }

    /** Runs {@code body} on a new thread handed to {@code onStart}; joins it (bounded). */
    private static Outcome onThread(Consumer<Thread> onStart, ThrowingRunnable body) throws InterruptedException {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                body.run();
                outcome.set(new Outcome(null, Thread.currentThread().isInterrupted()));
            } catch (Throwable t) {
                outcome.set(new Outcome(t, Thread.currentThread().isInterrupted()));
            }
        }, "interrupt-stage-runner");
        runner.start();
        onStart.accept(runner);
        runner.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(runner.isAlive()).as("the interrupted run returned").isFalse();
        return outcome.get();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static RunOptions.Builder busybox(String... argv) {
        return RunOptions.builder(TestEngines.image()).command(argv).pullPolicy(PullPolicy.NEVER);
    }

    private static void assertInterrupted(Outcome outcome, String host, Set<Thread> before) throws InterruptedException {
        assertThat(outcome.thrown()).isInstanceOf(ContainerInterruptedException.class);
        assertThat(outcome.flagKept()).as("interrupt flag kept").isTrue();
        TestEngines.assertNoManagedContainers(host);
        Leaks.awaitThreadsEnded(before);
    }

    @Test
    void duringThePull() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        String image = BigImage.ensureInRegistry();
        TestEngines.request(host, "DELETE", "/images/" + image + "?force=1");
        Set<Thread> before = Leaks.threads();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            Outcome outcome = onThread(caller::set, () -> {
                while (caller.get() == null) {
                    Thread.onSpinWait();
                }
                docker.run(RunOptions.builder(image).command("true").build(), OutputListener.none(), p -> {
                    if (p.currentBytes() > 0) {
                        caller.get().interrupt();
                    }
                });
            });
            assertThat(outcome.thrown()).hasMessageContaining("interrupted while pulling " + image);
            assertInterrupted(outcome, host, before);
        } finally {
            TestEngines.request(host, "DELETE", "/images/" + image + "?force=1");
        }
    }

    @Test
    void duringCreate() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        Set<Thread> before = Leaks.threads();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            // the modifier runs on the caller's thread right before the create request is sent
            Outcome outcome = onThread(t -> { }, () -> docker.run(busybox("true")
                    .withCreateContainerCmdModifier(cmd -> Thread.currentThread().interrupt()).build()));
            assertInterrupted(outcome, host, before);
        }
    }

    /**
     * Interrupted the moment the container shows in the engine's list: the create's answer may still be on its way
     * (then the run's container is found by its run-id label and removed) or the start is in flight.
     */
    @Test
    void duringCreateAnswerOrStart() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        Set<Thread> before = Leaks.threads();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            Outcome outcome = onThread(runner -> {
                awaitManagedContainer(host);
                runner.interrupt();
            }, () -> docker.run(busybox("sleep", "60").build()));
            assertInterrupted(outcome, host, before);
        }
    }

    @Test
    void whileWaiting() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        Set<Thread> before = Leaks.threads();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            Outcome outcome = onThread(runner -> {
                awaitRunning(host);
                runner.interrupt();
            }, () -> docker.run(busybox("sleep", "60").build()));
            assertInterrupted(outcome, host, before);
        }
    }

    @Test
    void whileFollowingTheLogs() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        Set<Thread> before = Leaks.threads();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            Outcome outcome = onThread(caller::set, () -> {
                while (caller.get() == null) {
                    Thread.onSpinWait();
                }
                // the first log frame arrives on the log stream's thread; the caller is then in the wait
                docker.run(busybox("sh", "-c", "echo first; sleep 60").build(),
                        (stream, bytes) -> caller.get().interrupt());
            });
            assertInterrupted(outcome, host, before);
        }
    }

    private static void awaitManagedContainer(String host) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!TestEngines.containersOfThisJvm(host).isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no gpuenv container was created on " + host + " within 30 s");
    }

    private static void awaitRunning(String host) {
        try {
            DockerGpuRunIT.awaitRunning(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
