package io.github.gpuenv.internal.container;

import io.github.gpuenv.internal.AsciiCase;

/**
 * Reads the two settings gpuenv needs from {@code /etc/nvidia-container-runtime/config.toml}, line by line (no
 * TOML library): {@code no-cgroups} under {@code [nvidia-container-cli]} and {@code mode} under
 * {@code [nvidia-container-runtime]} (dotted keys such as {@code nvidia-container-cli.no-cgroups = true} too).
 * Comments ({@code #}, whole-line or trailing) and other sections are skipped; a commented-out
 * {@code #no-cgroups = false}, as {@code nvidia-ctk config default} writes it, counts as not set.
 *
 * <p>{@code RuntimeConfig c = NvidiaRuntimeConfigParser.parse(Files.readString(path)); c.noCgroups();}
 *
 * <p>Never throws; unreadable input gives both settings unset.
 */
public final class NvidiaRuntimeConfigParser {

    private static final int MAX_LINES = 10_000;

    private NvidiaRuntimeConfigParser() {
    }

    /**
     * The settings.
     *
     * @param noCgroups {@code no-cgroups}; null when not set or not a boolean
     * @param mode the runtime's {@code mode}, e.g. {@code "auto"}, {@code "legacy"}, {@code "cdi"}; empty when not set
     */
    public record RuntimeConfig(Boolean noCgroups, String mode) {
        public RuntimeConfig {
            mode = mode == null ? "" : mode;
        }
    }

    /** The settings of {@code content}. */
    public static RuntimeConfig parse(String content) {
        Boolean noCgroups = null;
        String mode = "";
        if (content == null) {
            return new RuntimeConfig(null, "");
        }
        String section = "";
        String[] lines = content.split("\r?\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = ConfigLines.stripComment(lines[i], false).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                section = end < 0 ? "" : line.substring(line.startsWith("[[") ? 2 : 1, end).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String fullKey = section.isEmpty() ? key : section + "." + key;
            String value = line.substring(eq + 1).strip();
            if (fullKey.equals("nvidia-container-cli.no-cgroups")) {
                noCgroups = bool(value);
            } else if (fullKey.equals("nvidia-container-runtime.mode")) {
                mode = ConfigLines.unquote(value);
            }
        }
        return new RuntimeConfig(noCgroups, mode);
    }

    private static Boolean bool(String value) {
        String v = AsciiCase.lower(value);
        return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }


}
