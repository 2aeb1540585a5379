package io.github.gpuenv.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller's thread is interrupted while detect() waits on hung commands: detect() returns with the facts it
 * could not finish unknown, the thread keeps its interrupt flag, and the hung stand-ins are killed.
 */
class DetectInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedDetectReturnsUnknownsKeepsTheFlagAndLeavesNoProcess() throws Exception {
        StandIns standIns = StandIns.create(dir, Fault.HANG);
        // long timeouts: only the interrupt can end this detect() early
        var options = standIns.options().toBuilder().probeTimeout(Duration.ofSeconds(60))
                .deadline(Duration.ofSeconds(120)).build();
        AtomicBoolean flagAfterDetect = new AtomicBoolean();
        CompletableFuture<GpuEnvReport> report = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            report.complete(GpuEnv.detect(options));
            flagAfterDetect.set(Thread.currentThread().isInterrupted());
        }, "detect-caller");
        caller.start();
        awaitStandIns(standIns.directory(), 2); // nvidia-smi and nvidia-ctk at least (ldconfig, cmd.exe: 2 s cap)

        caller.interrupt();
        GpuEnvReport r = report.get(30, TimeUnit.SECONDS);
        caller.join(Duration.ofSeconds(30).toMillis());

        assertThat(flagAfterDetect).as("interrupt flag kept").isTrue();
        for (Fact<?> fact : new Fact<?>[] {r.nvidia(), r.windows(), r.toolkit()}) {
            assertThat(fact).isInstanceOfSatisfying(Fact.Unknown.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.TIMED_OUT));
        }
        // ldconfig runs under a 2 s cap: on a slow machine it may have timed out before the interrupt came
        assertThat(r.wsl().map(w -> w.ldconfigRead()).orElse(false)).isFalse();
        assertThat(r.unknowns()).extracting(u -> u.detail()).anyMatch(d -> d.contains("interrupted"));
        assertThat(Leftovers.awaitGone(standIns.directory(), Duration.ofSeconds(10), p -> false))
                .as("stand-ins still running after the interrupted detect()").isEmpty();
    }

    /** Waits (bounded) until {@code count} stand-ins are running: every command is hung. */
    static void awaitStandIns(Path dir, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (StandIns.alive(dir).size() < count && System.nanoTime() < until) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(StandIns.alive(dir)).as("hung stand-ins").hasSizeGreaterThanOrEqualTo(count);
    }

    @AfterEach
    void killWhatIsLeft() {
        Leftovers.kill(dir);
    }
}
