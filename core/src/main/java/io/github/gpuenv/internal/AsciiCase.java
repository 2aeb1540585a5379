package io.github.gpuenv.internal;

/**
 * Lower-cases the ASCII letters of a text and nothing else, in linear time, for parsers that match ASCII tokens
 * ({@code "driver not loaded"}, {@code "kubepods"}, {@code "true"}) in command output of any size.
 * {@code String.toLowerCase} is no substitute there: a character whose case mapping is longer than itself
 * ({@code İ} lower-cased, {@code ß} upper-cased) makes it quadratic in JDK 17 and 25 (150,000 of them took 5 s;
 * found by fuzzing), and it can turn non-ASCII letters into ASCII ones (Kelvin sign → {@code k}).
 *
 * <p>{@code AsciiCase.lower(output).contains("driver/library version mismatch")}
 */
public final class AsciiCase {

    private AsciiCase() {
    }

    /** {@code text} with {@code A}–{@code Z} replaced by {@code a}–{@code z}; every other character kept. */
    public static String lower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return text;
    }
}
