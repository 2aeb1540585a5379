package io.github.gpuenv.internal.container;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version from {@code nvidia-ctk --version}, whose first line is
 * {@code NVIDIA Container Toolkit CLI version 1.17.3} (a {@code commit: …} line follows).
 *
 * <p>{@code Optional<String> v = NvidiaCtkVersionParser.parse(result.stdoutText());  // "1.17.3"}
 *
 * <p>Never throws; empty when no version is there.
 */
public final class NvidiaCtkVersionParser {

    private static final Pattern CLI_VERSION = Pattern.compile(
            "NVIDIA Container Toolkit CLI version\\s+v?(\\d+(?:\\.\\d+)*(?:[-+~][0-9A-Za-z.]+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_VERSION = Pattern.compile(
            "(?m)^[^\\n]*\\bversion\\s+v?(\\d+\\.\\d+(?:\\.\\d+)*(?:[-+~][0-9A-Za-z.]+)?)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_CHARS = 4096;

    private NvidiaCtkVersionParser() {
    }

    /** The version, e.g. {@code "1.17.3"}, or {@code "1.18.0-rc.1"}; empty when absent. */
    public static Optional<String> parse(String output) {
        if (output == null) {
            return Optional.empty();
        }
        String text = output.length() > MAX_CHARS ? output.substring(0, MAX_CHARS) : output;
        Matcher m = CLI_VERSION.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        m = ANY_VERSION.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
