package io.github.gpuenv.internal.nvidia;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Windows driver-store version of an NVIDIA display driver ({@code 31.0.15.3179}, as Device Manager and
 * OSHI's {@code DriverVersion=} show it) into NVIDIA's version ({@code 531.79}): the last five digits of the last two
 * fields, split 3 + 2.
 *
 * <p>{@code WindowsDriverVersionParser.parse("DriverVersion=32.0.16.1088") // Optional[610.88]}
 */
final class WindowsDriverVersionParser {

    private static final Pattern STORE_VERSION = Pattern.compile("(?<![\\d.])\\d{1,3}\\.\\d{1,3}\\.(\\d{1,3})\\.(\\d{4})(?![\\d.])");

    private WindowsDriverVersionParser() {
    }

    /** The NVIDIA driver version, or empty when {@code text} holds no four-part driver-store version. */
    static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STORE_VERSION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(1) + m.group(2);
        if (digits.length() < 5) {
            return Optional.empty();
        }
        String last5 = digits.substring(digits.length() - 5);
        return Optional.of(last5.substring(0, 3) + "." + last5.substring(3));
    }
}
