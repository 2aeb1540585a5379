package io.github.gpuenv.internal.container;

import java.util.Optional;

/**
 * Compares dotted numeric versions ({@code "580.159.04"}, {@code "13.0"}, {@code "1.17.3"}) the way
 * libnvidia-container does: component by component as numbers, a missing component counts as 0 (so
 * {@code 13 == 13.0} and {@code 535.104 > 535}). Leading text such as {@code "v"} is skipped; anything after the
 * numeric part ({@code "-rc.1"}) is ignored.
 *
 * <p>Kept private to this package until a shared {@code io.github.gpuenv.internal.VersionNumber} exists.
 */
final class VersionOrder {

    private VersionOrder() {
    }

    /** Negative, zero or positive as {@code a} is below, equal to or above {@code b}; empty when either has no number. */
    static Optional<Integer> compare(String a, String b) {
        long[] x = components(a);
        long[] y = components(b);
        if (x.length == 0 || y.length == 0) {
            return Optional.empty();
        }
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long left = i < x.length ? x[i] : 0;
            long right = i < y.length ? y[i] : 0;
            if (left != right) {
                return Optional.of(left < right ? -1 : 1);
            }
        }
        return Optional.of(0);
    }

    /** Whether {@code version} is known and strictly below {@code bound}. */
    static boolean below(String version, String bound) {
        return compare(version, bound).map(c -> c < 0).orElse(false);
    }

    private static long[] components(String version) {
        if (version == null) {
            return new long[0];
        }
        String s = version.strip();
        int start = 0;
        while (start < s.length() && !Character.isDigit(s.charAt(start))) {
            start++;
        }
        if (start > 1 || (start == 1 && Character.toLowerCase(s.charAt(0)) != 'v')) {
            return new long[0];
        }
        java.util.List<Long> parts = new java.util.ArrayList<>();
        int i = start;
        while (i < s.length() && parts.size() < 8) {
            int j = i;
            while (j < s.length() && j - i < 18 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j == i) {
                break;
            }
            parts.add(Long.parseLong(s.substring(i, j)));
            if (j < s.length() && s.charAt(j) == '.') {
                i = j + 1;
            } else {
                break;
            }
        }
        return parts.stream().mapToLong(Long::longValue).toArray();
    }
}
