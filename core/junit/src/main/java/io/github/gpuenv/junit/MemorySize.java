package io.github.gpuenv.junit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code "16GiB"}, {@code "80 GB"}, {@code "512MiB"} or a number of bytes. */
final class MemorySize {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,15}(?:\\.\\d{1,6})?)\\s*([a-z]*)\\s*");
    private static final Map<String, Long> UNITS = Map.ofEntries(Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("gib", 1L << 30),
            Map.entry("tib", 1L << 40), Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L),
            Map.entry("gb", 1_000_000_000L), Map.entry("tb", 1_000_000_000_000L));

    private MemorySize() {
    }

    /**
     * The bytes of {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the syntax when it is not a size
     */
    static long bytes(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("not a memory size: \"" + text + "\" (e.g. 16GiB, 80GB, 512MiB or bytes)");
        }
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("memory size too large: \"" + text + "\"");
        }
        return (long) bytes;
    }

    /** {@code bytes} for a message: {@code "140 GiB"}. */
    static String describe(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : bytes + " B";
    }
}
