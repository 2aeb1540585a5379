package io.github.gpuenv.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people write them: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, a bare number of
 * seconds, or ISO-8601 {@code PT3S}. The one parser of every gpuenv duration (configuration keys, CLI options).
 *
 * <p>Saturating: a value too large for a {@link Duration} in nanoseconds ({@code 999999999h}, twenty digits, an
 * ISO-8601 text that overflows) is {@link #MAX}, about 292 years, so {@code toNanos()} of a parsed duration never
 * overflows. Callers apply their own, smaller ceilings ({@code DetectOptions.MAX_DURATION}).
 */
public final class DurationText {

    /** The longest duration parsed: {@link Long#MAX_VALUE} nanoseconds (about 292 years). */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    /** Longer text is no duration; case-mapping a megabyte of it took JDK 17 43 s (ß → SS grows the result one char at a time). */
    private static final int MAX_LENGTH = 64;
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private DurationText() {
    }

    /** The duration, or {@code fallback} when the text is not one. */
    public static Duration parse(String text, Duration fallback) {
        try {
            return parseStrict(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * The duration, at most {@link #MAX}.
     *
     * @throws IllegalArgumentException when {@code text} is not a positive duration
     */
    public static Duration parseStrict(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a duration: " + stripped.length() + " characters (try 500ms, 3s, 2m)");
        }
        Matcher m = SIMPLE.matcher(stripped.toLowerCase(Locale.ROOT));
        Duration d = m.matches() ? simple(new BigInteger(m.group(1)), m.group(2)) : iso(stripped, text);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: '" + text + "'");
        }
        return d;
    }

    /** {@code count} units, saturated at {@link #MAX}. */
    private static Duration simple(BigInteger count, String unit) {
        long nanosPerUnit = switch (unit == null ? "s" : unit) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigInteger nanos = count.multiply(BigInteger.valueOf(nanosPerUnit));
        return nanos.compareTo(MAX_NANOS) > 0 ? MAX : Duration.ofNanos(nanos.longValueExact());
    }

    private static Duration iso(String stripped, String original) {
        Duration d;
        try {
            d = Duration.parse(stripped); // ISO-8601 letters are accepted in either case
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException) {
                // the letters were right, the number too large for a Duration: saturate (a negative one stays invalid)
                if (!stripped.startsWith("-") && !stripped.contains("-")) {
                    return MAX;
                }
            }
            throw new IllegalArgumentException("not a duration: '" + original + "' (try 500ms, 3s, 2m)");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + original + "' (try 500ms, 3s, 2m)");
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    /** {@code d} as people write it: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 24h}. */
    public static String format(Duration d) {
        if (d.getNano() != 0 || d.isZero()) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
