package io.github.gpuenv.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many threads call detect() at once while every command hangs: each call ends with {@code timed-out} facts, and
 * afterwards gpuenv's daemon threads and the stand-in processes all go away (no leak beyond the bounded time that a
 * hung command holds its threads). The figures are logged (INFO) for the README.
 */
class DetectLoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(DetectLoadTest.class);
    private static final int CALLERS = 16;
    private static final int CALLS_PER_CALLER = 3;

    @TempDir
    Path dir;

    @Test
    void concurrentDetectsWithHungCommandsLeakNeitherThreadsNorProcesses() throws Exception {
        StandIns standIns = StandIns.create(dir, Fault.HANG);
        var options = standIns.options().toBuilder().probeTimeout(Duration.ofMillis(500))
                .deadline(Duration.ofSeconds(2)).build();
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicInteger peakProcesses = new AtomicInteger();
        long start = System.nanoTime();

        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<List<GpuEnvReport>>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(callers.submit(() -> {
                List<GpuEnvReport> reports = new ArrayList<>();
                for (int c = 0; c < CALLS_PER_CALLER; c++) {
                    reports.add(GpuEnv.detect(options));
                    peakThreads.accumulateAndGet(gpuenvThreads(), Math::max);
                    peakProcesses.accumulateAndGet(StandIns.alive(dir).size(), Math::max);
                }
                return reports;
            }));
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        for (Future<List<GpuEnvReport>> result : results) {
            for (GpuEnvReport report : result.get()) {
                assertThat(report.nvidia()).isInstanceOfSatisfying(Fact.Unknown.class,
                        u -> assertThat(u.reason()).isEqualTo(Reason.TIMED_OUT));
            }
        }
        int threadsLeft = awaitNoGpuenvThreads(Duration.ofSeconds(30));
        List<ProcessHandle> processesLeft = Leftovers.awaitGone(standIns.directory(), Duration.ofSeconds(30), p -> false);
        LOG.info("load: {} callers x {} detect() calls with hung commands in {} ms; peak gpuenv threads {}, peak"
                        + " stand-in processes {}; afterwards {} gpuenv threads, {} stand-in processes",
                CALLERS, CALLS_PER_CALLER, wallMillis, peakThreads.get(), peakProcesses.get(), threadsLeft,
                processesLeft.size());
        assertThat(threadsLeft).as("gpuenv threads still alive").isZero();
        assertThat(processesLeft).as("stand-in processes still alive").isEmpty();
    }

    /** Polls (bounded) until no thread named {@code gpuenv-…} is alive; returns how many are left. */
    private static int awaitNoGpuenvThreads(Duration bound) {
        long until = System.nanoTime() + bound.toNanos();
        while (gpuenvThreads() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return gpuenvThreads();
    }

    private static int gpuenvThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("gpuenv-")).count();
    }

    @AfterEach
    void killWhatIsLeft() {
        Leftovers.kill(dir);
    }
}
