package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.Leaks;
import io.github.gpuenv.docker.testing.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * Load: 100 concurrent launches through one {@link DockerGpu} on Engine 20.10, about 30 % of them cancelled at
 * random points (half by the caller's interrupt after a random delay, half by a random run timeout). Asserts only
 * correctness — every run ended with its output or a typed cancellation, and no gpuenv container is left (counted
 * by label through the raw API) — and prints the figures (wall time, launches/s, cancelled, leftovers).
 */
class LaunchLoadIT {

    private static final int LAUNCHES = 100;

    private enum Plan { COMPLETE, INTERRUPT, TIMEOUT }

    @Test
    void hundredConcurrentLaunchesWithRandomCancellationLeaveNothing() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        long seed = Long.getLong("gpuenv.load.seed", System.nanoTime());
        Random random = new Random(seed);
        Plan[] plans = new Plan[LAUNCHES];
        long[] delaysMs = new long[LAUNCHES];
        for (int i = 0; i < LAUNCHES; i++) {
            double r = random.nextDouble();
            plans[i] = r < 0.15 ? Plan.INTERRUPT : r < 0.30 ? Plan.TIMEOUT : Plan.COMPLETE;
            delaysMs[i] = 1 + random.nextInt(3000);
        }
        AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(LAUNCHES);
        Set<Thread> before = Leaks.threads();
        ExecutorService pool = Executors.newFixedThreadPool(LAUNCHES);
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            for (int i = 0; i < LAUNCHES; i++) {
                int n = i;
                RunOptions.Builder options = RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER);
                switch (plans[n]) {
                    case COMPLETE -> options.command("echo", "run" + n);
                    case INTERRUPT -> options.command("sleep", "60");
                    case TIMEOUT -> options.command("sleep", "60").timeout(Duration.ofMillis(delaysMs[n]));
                }
                RunOptions built = options.build();
                Future<?> run = pool.submit(() -> {
                    try {
                        outcomes.set(n, docker.run(built));
                    } catch (Throwable t) {
                        outcomes.set(n, t);
                    }
                });
                runs.add(run);
                if (plans[n] == Plan.INTERRUPT) {
                    canceller.schedule(() -> run.cancel(true), delaysMs[n], TimeUnit.MILLISECONDS);
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("every run ended within 5 minutes").isTrue();
        } finally {
            pool.shutdownNow();
            canceller.shutdownNow();
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        int completed = 0;
        int interrupted = 0;
        int timedOut = 0;
        int notStarted = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < LAUNCHES; i++) {
            Object o = outcomes.get(i);
            if (o instanceof RunResult r && r.exitCode() == 0 && r.stdout().equals("run" + i + "\n")) {
                completed++;
            } else if (o instanceof ContainerInterruptedException && plans[i] == Plan.INTERRUPT) {
                interrupted++;
            } else if (o == null && plans[i] == Plan.INTERRUPT && runs.get(i).isCancelled()) {
                interrupted++; // cancelled before a pool thread picked it up: it never reached gpuenv
                notStarted++;
            } else if (o instanceof ContainerTimeoutException && plans[i] == Plan.TIMEOUT) {
                timedOut++;
            } else {
                wrong.add("#" + i + " " + plans[i] + ": " + o);
            }
        }
        List<String> left = TestEngines.containersOfThisJvm(host);
        System.out.printf("LaunchLoadIT seed=%d: %d launches in %.2f s (%.1f launches/s); completed %d, interrupted"
                        + " %d (%d before they started), timed out %d, cancelled %d (%.0f %%), wrong %d, leftovers %d%n", seed,
                LAUNCHES, wallS, LAUNCHES / wallS, completed, interrupted, notStarted, timedOut, interrupted + timedOut,
                100.0 * (interrupted + timedOut) / LAUNCHES, wrong.size(), left.size());
        assertThat(wrong).as("runs that did not end with their output or their typed cancellation (seed " + seed + ")")
                .isEmpty();
        assertThat(left).as("gpuenv containers left (seed " + seed + ")").isEmpty();
        Leaks.awaitThreadsEnded(before);
    }
}
