package io.github.gpuenv.cdi.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/driver/nvidia/version}: the loaded kernel module's version from its {@code NVRM version:}
 * line, e.g. {@code "580.159.04"}. Pure; never throws: empty for empty, truncated or unrecognised text.
 */
public final class ProcDriverVersionParser {

    // "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (nixbld@)"
    private static final Pattern NVRM = Pattern.compile("(?m)^NVRM version:.*?\\s(\\d+\\.\\d+(?:\\.\\d+)?)(?:\\s|$)");

    private ProcDriverVersionParser() {
    }

    /** The driver version in {@code text}, or empty. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = NVRM.matcher(text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
