package io.github.gpuenv.docker.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The Docker CLI's CPU options as text: {@code --cpus} (a rational number of CPUs, {@code 1.5}, {@code 3/2},
 * {@code 1e-2}, into nano CPUs, exact or refused as "too precise", as {@code opts.NanoCPUs}) and
 * {@code --cpuset-cpus} (a list of CPU numbers and ranges, {@code 0-3,8}, as the engine's {@code ParseUintList}).
 *
 * <p>{@code long nano = CpuSyntax.nanoCpus("1.5");}
 */
public final class CpuSyntax {

    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
    /** The largest CPU number a cpuset may name (the kernel's NR_CPUS limit is 8192). */
    private static final int MAX_CPU = 8191;

    private CpuSyntax() {
    }

    /**
     * {@code --cpus} text as nano CPUs (1.5 → 1 500 000 000).
     *
     * @throws IllegalArgumentException when it is no number, not above 0, or finer than a nano CPU
     */
    public static long nanoCpus(String text) {
        if (text.length() > 64) {
            throw new IllegalArgumentException("failed to parse " + SpecText.quote(text)
                    + " as a rational number (too long)");
        }
        BigDecimal cpus;
        int slash = text.indexOf('/');
        if (slash >= 0 && integer(text.substring(0, slash)) && integer(text.substring(slash + 1))) {
            BigInteger denominator = new BigInteger(text.substring(slash + 1));
            if (denominator.signum() == 0) {
                throw new IllegalArgumentException("failed to parse " + SpecText.quote(text) + " as a rational number");
            }
            BigDecimal nanos = new BigDecimal(new BigInteger(text.substring(0, slash))).multiply(NANOS);
            BigDecimal[] division = nanos.divideAndRemainder(new BigDecimal(denominator));
            if (division[1].signum() != 0) {
                throw new IllegalArgumentException("value is too precise: " + SpecText.quote(text)
                        + " (at most 9 decimal places)");
            }
            cpus = division[0].divide(NANOS, 9, RoundingMode.UNNECESSARY);
        } else if (SpecText.decimal(text, true, 3)) {
            cpus = new BigDecimal(text);
        } else {
            throw new IllegalArgumentException("failed to parse " + SpecText.quote(text)
                    + " as a rational number (CPUs, e.g. 1.5 or 0.5)");
        }
        BigDecimal nanos = cpus.multiply(NANOS);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("value is too precise: " + SpecText.quote(text)
                    + " (at most 9 decimal places)");
        }
        if (nanos.signum() <= 0) {
            throw new IllegalArgumentException("--cpus must be above 0, not " + SpecText.quote(text));
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("--cpus too large: " + SpecText.quote(text));
        }
        return nanos.longValueExact();
    }

    /**
     * Checks {@code --cpuset-cpus} text: comma-separated CPU numbers and ascending ranges, e.g. {@code 0-3,8}.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static String cpuset(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("invalid cpuset: empty (CPU numbers and ranges, e.g. 0-3,8)");
        }
        for (String part : text.split(",", -1)) {
            int dash = part.indexOf('-');
            String from = dash < 0 ? part : part.substring(0, dash);
            String to = dash < 0 ? part : part.substring(dash + 1);
            if (!cpu(from) || !cpu(to) || Integer.parseInt(from) > Integer.parseInt(to)) {
                throw new IllegalArgumentException("invalid cpuset " + SpecText.quote(text) + ": "
                        + SpecText.quote(part) + " is no CPU number or ascending range (e.g. 0-3,8)");
            }
        }
        return text;
    }

    private static boolean integer(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        return SpecText.digits(digits) && digits.length() <= 30;
    }

    private static boolean cpu(String text) {
        return SpecText.digits(text) && text.length() <= 4 && Integer.parseInt(text) <= MAX_CPU;
    }
}
