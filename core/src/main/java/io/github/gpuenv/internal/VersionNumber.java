package io.github.gpuenv.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dotted numeric version ({@code 5.15.153.1}, {@code 22000.160}, {@code 580.82.07}) read from the start of a
 * text and compared component by component; missing components count as zero ({@code 5.10 == 5.10.0}).
 * Whatever follows the numeric part is ignored: {@code "6.6.84.1-microsoft-standard-WSL2+"} is {@code 6.6.84.1}.
 *
 * <p>{@code VersionNumber.parse(kernel).map(v -> v.isAtLeast(VersionNumber.parse("5.10.43").orElseThrow()))}
 *
 * <p>Parsing never throws: text that does not start with a number (after blanks and an optional {@code v}) is
 * {@link Optional#empty()}. At most {@value #MAX_COMPONENTS} components of at most 9 digits each are read.
 */
public final class VersionNumber implements Comparable<VersionNumber> {

    /** The most components read; the rest of a longer version is ignored. */
    public static final int MAX_COMPONENTS = 8;
    private static final int MAX_DIGITS = 9;

    private final int[] components;

    private VersionNumber(int[] components) {
        this.components = components;
    }

    /** A version of the given components (each ≥ 0, at least one). */
    public static VersionNumber of(int... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("no components");
        }
        for (int c : components) {
            if (c < 0) {
                throw new IllegalArgumentException("component < 0");
            }
        }
        return new VersionNumber(components.clone());
    }

    /**
     * The version at the start of {@code text} (leading blanks and one {@code v}/{@code V} skipped), or empty
     * when there is none.
     */
    public static Optional<VersionNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'v' || text.charAt(i) == 'V')) {
            i++;
        }
        int[] parts = new int[MAX_COMPONENTS];
        int count = 0;
        while (count < MAX_COMPONENTS) {
            int start = i;
            long value = 0;
            while (i < n && isAsciiDigit(text.charAt(i)) && i - start < MAX_DIGITS) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && isAsciiDigit(text.charAt(i)))) {
                break; // no digits here, or a component longer than 9 digits: stop before it
            }
            parts[count++] = (int) value;
            if (i + 1 < n && text.charAt(i) == '.' && isAsciiDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new VersionNumber(Arrays.copyOf(parts, count)));
    }

    /**
     * Negative, zero or positive as the version in {@code a} is below, equal to or above the one in {@code b};
     * empty when either text holds no version.
     */
    public static Optional<Integer> compare(String a, String b) {
        Optional<VersionNumber> x = parse(a);
        Optional<VersionNumber> y = parse(b);
        return x.isPresent() && y.isPresent() ? Optional.of(Integer.signum(x.get().compareTo(y.get())))
                : Optional.empty();
    }

    /** Whether {@code version} holds a version strictly below the one in {@code bound} (false when either has none). */
    public static boolean below(String version, String bound) {
        return compare(version, bound).map(c -> c < 0).orElse(false);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number of components read. */
    public int size() {
        return components.length;
    }

    /** The component at {@code index}, or 0 beyond the last. */
    public int component(int index) {
        return index < components.length ? components[index] : 0;
    }

    /** Whether this version is {@code other} or later. */
    public boolean isAtLeast(VersionNumber other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(VersionNumber other) {
        int length = Math.max(components.length, other.components.length);
        for (int i = 0; i < length; i++) {
            int c = Integer.compare(component(i), other.component(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Equal when every component is equal, trailing zeros aside ({@code 5.10} equals {@code 5.10.0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof VersionNumber other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int last = components.length;
        while (last > 1 && components[last - 1] == 0) {
            last--;
        }
        return Arrays.hashCode(Arrays.copyOf(components, last));
    }

    /** The components joined by dots, as read: {@code "5.15.153.1"}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                s.append('.');
            }
            s.append(components[i]);
        }
        return s.toString();
    }
}
