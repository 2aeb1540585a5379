package io.github.gpuenv.docker.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * "Nothing leaked" for fault tests: threads started during a test (non-daemon threads, and docker-java's
 * {@code docker-java-stream-*} pull/log/wait threads) must end, polled with a bound.
 *
 * <p>{@code Set<Thread> before = Leaks.threads(); ...; Leaks.awaitThreadsEnded(before);}
 */
public final class Leaks {

    private static final long BOUND_S = 30;

    private Leaks() {
    }

    /** The threads alive now. */
    public static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * Polls (at most 30 s) until every thread started since {@code before} that is non-daemon or a docker-java
     * stream thread has ended; fails naming those still alive.
     */
    public static void awaitThreadsEnded(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            left = threads().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !t.isDaemon() || t.getName().startsWith("docker-java-stream-"))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("threads still alive " + BOUND_S + " s after the test: " + left);
    }
}
