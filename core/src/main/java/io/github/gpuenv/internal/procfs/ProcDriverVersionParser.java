package io.github.gpuenv.internal.procfs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/driver/nvidia/version}, whose first line names the kernel module and its version:
 * {@code NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (nixbld@)} (open module)
 * or {@code NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 …} (proprietary module).
 *
 * <p>{@code Optional<String> v = ProcDriverVersionParser.parse(text); // "580.159.04"}
 */
public final class ProcDriverVersionParser {

    private static final Pattern NVRM_LINE = Pattern.compile("^NVRM version:(.*)$", Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("(?<![\\w.])(\\d{2,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)(?![\\w.])");

    private ProcDriverVersionParser() {
    }

    /** The driver version, or empty when the text has no {@code NVRM version:} line with a version in it. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher line = NVRM_LINE.matcher(text);
        if (!line.find()) {
            return Optional.empty();
        }
        Matcher version = VERSION.matcher(line.group(1));
        return version.find() ? Optional.of(version.group(1)) : Optional.empty();
    }
}
