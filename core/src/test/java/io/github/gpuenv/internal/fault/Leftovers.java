package io.github.gpuenv.internal.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits, with a bound, for the stand-in processes of a directory to go away, and kills what a test leaves behind.
 *
 * <p>{@code assertThat(Leftovers.awaitGone(dir, Duration.ofSeconds(10), p -> false)).isEmpty();}
 */
final class Leftovers {

    private Leftovers() {
    }

    /**
     * Polls until every process started from {@code dir} that is still alive is one that {@code mayStay}
     * accepts, or {@code bound} has passed; returns those alive then.
     */
    static List<ProcessHandle> awaitGone(Path dir, Duration bound, Predicate<ProcessHandle> mayStay) {
        long until = System.nanoTime() + bound.toNanos();
        List<ProcessHandle> alive = StandIns.alive(dir);
        while (!alive.stream().allMatch(mayStay) && System.nanoTime() < until) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            alive = StandIns.alive(dir);
        }
        return alive;
    }

    /** Kills every process started from under {@code dir}. */
    static void kill(Path dir) {
        StandIns.alive(dir).forEach(ProcessHandle::destroyForcibly);
    }
}
