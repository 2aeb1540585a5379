package io.github.gpuenv.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one fuzzer input ({@code byte[]}) into the texts a parser may be handed: the bytes decoded as UTF-8,
 * UTF-16LE and ISO-8859-1 (what a mis-guessed encoding produces), and a structured reading that builds
 * {@code key<sep>value<eol>} lines from the parser's real keys, so that a few mutated bytes reach deep branches.
 *
 * <p>{@code for (String text : FuzzText.all(input, KEYS)) { OsReleaseParser.parse(text); }}
 *
 * <p>Structured reading, one op byte at a time: {@code op % 8} below 6 writes a line (key {@code op/8 % keys},
 * separator, line ending and charset from the next byte, then a value of up to 63 bytes); 6 repeats the previous line and
 * 7 writes blank lines, each up to 16,320 times (two count bytes multiplied), so that line-count caps are reached
 * from a 4 KiB input. The output is capped at {@value #MAX_CHARS} characters.
 */
public final class FuzzText {

    /** The structured text never grows beyond this many characters. */
    public static final int MAX_CHARS = 256 << 10;

    private static final List<String> SEPARATORS = List.of(": ", ":", "=", "\t", ", ", " ", ":\t\t ", " : ", "：");
    private static final List<String> LINE_ENDINGS = List.of("\n", "\r\n", "\r", "");

    private FuzzText() {
    }

    /** The input decoded three ways (UTF-8, UTF-16LE, ISO-8859-1), then its structured reading. */
    public static List<String> all(byte[] input, List<String> keys) {
        return List.of(new String(input, StandardCharsets.UTF_8), new String(input, StandardCharsets.UTF_16LE),
                new String(input, StandardCharsets.ISO_8859_1), lines(input, keys));
    }

    /** The structured reading of {@code input}: lines built from {@code keys} (see the class comment). */
    public static String lines(byte[] input, List<String> keys) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        int i = 0;
        while (i < input.length && out.length() < MAX_CHARS) {
            int op = input[i++] & 0xff;
            int action = op % 8;
            if (action == 6 || action == 7) {
                int count = byteAt(input, i) * (byteAt(input, i + 1) % 64 + 1);
                i += 2;
                String unit = action == 6 ? previous : "\n";
                int room = unit.isEmpty() ? 0 : (MAX_CHARS - out.length()) / unit.length();
                out.append(unit.repeat(Math.min(count, room)));
                continue;
            }
            String key = keys.isEmpty() ? "" : keys.get((op / 8) % keys.size());
            int form = byteAt(input, i++);
            String separator = SEPARATORS.get(form % SEPARATORS.size());
            String ending = LINE_ENDINGS.get((form / SEPARATORS.size()) % LINE_ENDINGS.size());
            int length = Math.min(byteAt(input, i++) & 0x3f, Math.max(0, input.length - i));
            // a value is ISO-8859-1 text, or UTF-16LE when the form byte's top bit is set (İ, ß, CJK at scale)
            java.nio.charset.Charset charset = (form & 0x80) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
            String value = new String(input, Math.min(i, input.length), length, charset);
            i += length;
            previous = key + separator + value + ending;
            out.append(previous);
        }
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) : out.toString();
    }

    private static int byteAt(byte[] input, int index) {
        return index < input.length ? input[index] & 0xff : 0;
    }
}
