package io.github.gpuenv.docker.internal;

/**
 * How a value given in Docker CLI syntax appears in an error message: quoted, control characters escaped, and cut
 * to {@link #MAX_SHOWN} characters, so a megabyte of input (or a terminal escape sequence) never reaches a log line
 * whole.
 *
 * <p>{@code throw new IllegalArgumentException("invalid size: " + SpecText.quote(value));}
 */
public final class SpecText {

    /** The most characters of a value a message shows. */
    public static final int MAX_SHOWN = 80;

    private SpecText() {
    }

    /** {@code value} in single quotes, escaped and cut. */
    public static String quote(String value) {
        return "'" + shown(value) + "'";
    }

    /** {@code value} escaped ({@code \n}, {@code \t}, {@code \\u…} for other control characters) and cut. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (shown == MAX_SHOWN) {
                out.append("…(").append(value.length()).append(" chars)");
                break;
            }
            shown++;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.SURROGATE) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code text} is a decimal number: an optional sign (when {@code signed}), digits with an optional
     * point ({@code 1}, {@code 1.}, {@code .5}, {@code 1.5}), and an optional exponent of at most
     * {@code maxExponentDigits} digits ({@code 1e-2}). A linear scan (a regular expression for this backtracks
     * quadratically on long digit runs).
     */
    public static boolean decimal(String text, boolean signed, int maxExponentDigits) {
        int i = 0;
        int n = text.length();
        if (signed && i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0 || exponent > maxExponentDigits) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code text} is made only of ASCII digits (and is not empty). */
    public static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
