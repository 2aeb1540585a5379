package io.github.gpuenv.internal;

import java.time.Duration;

/**
 * Overflow-safe arithmetic on {@link System#nanoTime()} instants: a duration too long for a {@code long} of
 * nanoseconds, or an instant plus it, saturates at {@link Long#MAX_VALUE} instead of throwing or wrapping.
 *
 * <p>{@code long deadline = Nanos.after(System.nanoTime(), timeout);}
 */
public final class Nanos {

    private Nanos() {
    }

    /** {@code d} in nanoseconds; {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE}) beyond what a long holds. */
    public static long of(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The instant {@code d} after {@code startNanos}, saturated at {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE}. */
    public static long after(long startNanos, Duration d) {
        long n = of(d);
        long sum = startNanos + n;
        if (((startNanos ^ sum) & (n ^ sum)) < 0) {
            return n > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }
}
