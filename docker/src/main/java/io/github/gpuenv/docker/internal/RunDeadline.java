package io.github.gpuenv.docker.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When a run must be over ({@code RunOptions.timeout}), or never; a pull's transfer does not count against it. Each
 * engine request of the run waits at most {@link #limit(Duration)}: the time left, or the request timeout when that
 * is shorter or there is no deadline. Arithmetic saturates: a timeout of centuries is no deadline.
 *
 * <p>{@code RunDeadline d = RunDeadline.after(options.timeout()); Duration wait = d.limit(requestTimeout);}
 */
public final class RunDeadline {

    /** Beyond this a timeout is no deadline (about 146 years: {@code System.nanoTime()} arithmetic stays exact). */
    private static final long MAX_NANOS = Long.MAX_VALUE / 2;

    private final long endNanos;
    private final boolean bounded;
    private final Duration timeout;

    private RunDeadline(long endNanos, boolean bounded, Duration timeout) {
        this.endNanos = endNanos;
        this.bounded = bounded;
        this.timeout = timeout;
    }

    /** Ends {@code timeout} from now; none when empty or too long to matter. */
    public static RunDeadline after(Optional<Duration> timeout) {
        if (timeout.isEmpty() || timeout.get().compareTo(Duration.ofNanos(MAX_NANOS)) >= 0) {
            return new RunDeadline(0, false, null);
        }
        return new RunDeadline(System.nanoTime() + timeout.get().toNanos(), true, timeout.get());
    }

    /** This deadline moved later by {@code time} (what a pull took). */
    public RunDeadline extendedBy(Duration time) {
        if (!bounded) {
            return this;
        }
        long nanos = Math.min(Math.max(0, time.toNanos()), MAX_NANOS);
        return new RunDeadline(endNanos + nanos, true, timeout);
    }

    /** The timeout it was made from; {@code null} without a deadline. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether there is a deadline. */
    public boolean bounded() {
        return bounded;
    }

    /** The time left, never negative; empty without a deadline. */
    public Optional<Duration> remaining() {
        return bounded ? Optional.of(Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()))) : Optional.empty();
    }

    /**
     * How long one request may wait: the shorter of the time left and {@code requestTimeout}; empty when neither
     * bounds it.
     */
    public Optional<Duration> limit(Duration requestTimeout) {
        Optional<Duration> left = remaining();
        if (requestTimeout == null) {
            return left;
        }
        return Optional.of(left.filter(l -> l.compareTo(requestTimeout) < 0).orElse(requestTimeout));
    }

    /** Whether the time left, not {@code requestTimeout}, is what {@link #limit(Duration)} gives. */
    public boolean limits(Duration requestTimeout) {
        return remaining().map(l -> requestTimeout == null || l.compareTo(requestTimeout) < 0).orElse(false);
    }
}
