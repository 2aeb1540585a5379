package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.SpecText;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of memory in bytes, written as the Docker CLI writes {@code --shm-size} and {@code --memory}
 * ({@code go-units} {@code RAMInBytes}): a decimal number, an optional space, and an optional binary unit
 * {@code k m g t p} (×1024ⁿ), case-insensitive, optionally followed by {@code b} or {@code ib} — so {@code 16g},
 * {@code 16G}, {@code 16gb}, {@code 16GiB} and {@code 16 GiB} are all 16 GiB, {@code 1.5k} is 1536, a plain number
 * is bytes, {@code 512b} is 512. As there, fractions are truncated to whole bytes and units are always binary
 * ({@code 1GB} is 1024³). Unlike there, a value beyond {@link Long#MAX_VALUE} bytes is an error rather than a
 * wrapped number, and hexadecimal numbers are not read.
 *
 * <p>{@code ByteSize.parse("16g").bytes() == 17_179_869_184L}
 *
 * @param bytes the number of bytes, never negative
 */
public record ByteSize(long bytes) {

    private static final String UNITS = "kmgtp";

    /** @throws IllegalArgumentException when {@code bytes} is negative */
    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size < 0: " + bytes);
        }
    }

    /** {@code bytes} bytes. */
    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /** {@code mebibytes} MiB. */
    public static ByteSize ofMebibytes(long mebibytes) {
        return new ByteSize(Math.multiplyExact(mebibytes, 1L << 20));
    }

    /** {@code gibibytes} GiB. */
    public static ByteSize ofGibibytes(long gibibytes) {
        return new ByteSize(Math.multiplyExact(gibibytes, 1L << 30));
    }

    /**
     * Reads Docker CLI size syntax.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. {@code invalid suffix: 'gi' in '1Gi'}
     */
    public static ByteSize parse(String text) {
        Objects.requireNonNull(text, "text");
        int end = lastNumberChar(text);
        if (end < 0) {
            throw new IllegalArgumentException("invalid size: " + SpecText.quote(text)
                    + " (a number with an optional unit: 512m, 16g, 1GiB)");
        }
        String number;
        String suffix;
        if (text.charAt(end) == ' ') {
            number = text.substring(0, end);
            suffix = text.substring(end + 1);
        } else {
            number = text.substring(0, end + 1);
            suffix = text.substring(end + 1);
        }
        if (!SpecText.decimal(number, false, 4)) {
            throw new IllegalArgumentException("invalid size: " + SpecText.quote(text)
                    + " (a number with an optional unit: 512m, 16g, 1GiB)");
        }
        long multiplier = multiplier(suffix, text);
        BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("size too large: " + SpecText.quote(text));
        }
        return new ByteSize(value.longValue());
    }

    /** The index of the last digit, dot or space, as {@code go-units} splits number from unit; -1 when none. */
    private static int lastNumberChar(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.' || c == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static long multiplier(String suffix, String text) {
        if (suffix.isEmpty()) {
            return 1;
        }
        String unit = suffix.toLowerCase(Locale.ROOT);
        boolean ascii = suffix.chars().allMatch(c -> c < 128);
        int power = ascii && unit.length() <= 3 ? UNITS.indexOf(unit.charAt(0)) : -1;
        boolean bytesOnly = ascii && unit.equals("b");
        boolean rest = unit.length() == 1 || unit.substring(1).equals("b") || unit.substring(1).equals("ib");
        if (bytesOnly) {
            return 1;
        }
        if (power < 0 || !rest) {
            throw new IllegalArgumentException("invalid suffix: " + SpecText.quote(unit) + " in " + SpecText.quote(text)
                    + " (units: b, k, m, g, t, p, optionally followed by b or ib)");
        }
        return 1L << (10 * (power + 1));
    }

    /** The shortest exact form in Docker CLI syntax, e.g. {@code 16g}, {@code 1536k}, {@code 100}. */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0";
        }
        for (int power = UNITS.length(); power >= 1; power--) {
            long unit = 1L << (10 * power);
            if (bytes % unit == 0) {
                return (bytes / unit) + String.valueOf(UNITS.charAt(power - 1));
            }
        }
        return Long.toString(bytes);
    }
}
