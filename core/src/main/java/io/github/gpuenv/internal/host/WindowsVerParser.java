package io.github.gpuenv.internal.host;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the output of {@code cmd.exe /c ver} into a Windows build. The label around the number is localized
 * ({@code Microsoft Windows [Version 10.0.19045.3803]}, {@code Microsoft Windows [版本 10.0.19044.1586]}), so
 * only numbers are read, never words: first a {@code major.minor.build[.UBR]} number ({@code 10.0.19045.3803};
 * old builds print no UBR), else moby's {@code Version 1809 (OS Build 17763.2628)} form, a {@code build.UBR}
 * in parentheses with the display version before it.
 *
 * <p>{@code WindowsVerParser.parse(result.stdout()).map(WindowsVerParser.WindowsVer::build)}
 *
 * <p>Pure; never throws; every pattern has bounded repetition, so a megabyte of garbage costs linear time.
 * Empty when no build number is found.
 */
public final class WindowsVerParser {

    /** {@code 10.0.19045.3803} or {@code 10.0.10586}; the build has 4 or 5 digits. */
    private static final Pattern DOTTED = Pattern.compile(
            "(?<![0-9.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4,5})(?:\\.(\\d{1,6}))?(?![0-9])");
    /** {@code (OS Build 17763.2628)}: a 4–5 digit build and a UBR inside parentheses, words localized. */
    private static final Pattern BUILD_IN_PARENS = Pattern.compile(
            "\\([^()0-9]{0,40}(\\d{4,5})\\.(\\d{1,6})\\)");
    /** A display version ({@code 1809}, {@code 21H2}) right before the parenthesis. */
    private static final Pattern DISPLAY_VERSION = Pattern.compile("(\\d{2}[Hh]\\d|\\d{4})\\s{0,4}$");

    private WindowsVerParser() {
    }

    /**
     * A Windows build as {@code ver} prints it.
     *
     * @param major {@code 10}
     * @param minor {@code 0}
     * @param build e.g. {@code 19045}
     * @param ubr the update build revision, or {@code -1} when the output has none
     * @param displayVersion e.g. {@code "1809"} in moby's format; empty otherwise
     */
    public record WindowsVer(int major, int minor, int build, int ubr, String displayVersion) {
        /** {@code "10.0.19045.3803"}, or {@code "10.0.10586"} without a UBR. */
        public String fullBuild() {
            return major + "." + minor + "." + build + (ubr >= 0 ? "." + ubr : "");
        }
    }

    /**
     * Decodes {@code ver}'s bytes (UTF-16 when it has a BOM or NUL bytes, otherwise ISO-8859-1, which keeps the
     * ASCII digits of any OEM code page intact) and parses them.
     */
    public static Optional<WindowsVer> parse(byte[] output) {
        return output == null ? Optional.empty() : parse(decode(output));
    }

    /** The build in {@code text}, or empty. */
    public static Optional<WindowsVer> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher dotted = DOTTED.matcher(text);
        if (dotted.find()) {
            int ubr = dotted.group(4) == null ? -1 : Integer.parseInt(dotted.group(4));
            return Optional.of(new WindowsVer(Integer.parseInt(dotted.group(1)), Integer.parseInt(dotted.group(2)),
                    Integer.parseInt(dotted.group(3)), ubr, ""));
        }
        Matcher parens = BUILD_IN_PARENS.matcher(text);
        if (parens.find()) {
            String before = text.substring(Math.max(0, parens.start() - 16), parens.start());
            Matcher display = DISPLAY_VERSION.matcher(before);
            return Optional.of(new WindowsVer(10, 0, Integer.parseInt(parens.group(1)),
                    Integer.parseInt(parens.group(2)), display.find() ? display.group(1) : ""));
        }
        return Optional.empty();
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int zerosAtOdd = 0;
        int zerosAtEven = 0;
        int sample = Math.min(bytes.length, 512);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 1) {
                    zerosAtOdd++;
                } else {
                    zerosAtEven++;
                }
            }
        }
        if (zerosAtOdd > sample / 4) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        if (zerosAtEven > sample / 4) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
