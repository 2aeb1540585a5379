package io.github.gpuenv.internal.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code /etc/os-release} (freedesktop.org os-release: {@code KEY=value} lines, values optionally in
 * double or single quotes with backslash escapes, {@code #} comments).
 *
 * <p>{@code OsReleaseParser.parse(text).map(OsReleaseParser.OsRelease::prettyName)}
 *
 * <p>Pure; never throws. Empty when none of {@code NAME}, {@code PRETTY_NAME}, {@code ID} is assigned (binary,
 * empty, not an os-release file). Lines whose value holds control characters or malformed UTF-8 are skipped.
 */
public final class OsReleaseParser {

    /** Lines longer than this are not assignments anyone writes; they are skipped. */
    private static final int MAX_LINE = 4096;
    private static final int MAX_KEYS = 256;

    private OsReleaseParser() {
    }

    /**
     * The fields gpuenv reports.
     *
     * @param prettyName {@code PRETTY_NAME}, else {@code NAME VERSION}, else {@code NAME}, else {@code "Linux"}
     * @param id {@code ID}, e.g. {@code "debian"}; empty when absent
     * @param versionId {@code VERSION_ID}, e.g. {@code "12"}; empty when absent (rolling releases)
     * @param fields every key read, in file order
     */
    public record OsRelease(String prettyName, String id, String versionId, Map<String, String> fields) {
        public OsRelease {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** The os-release fields of {@code text}, or empty when it holds none. */
    public static Optional<OsRelease> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        int n = text.length();
        while (start < n && fields.size() < MAX_KEYS) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end - start <= MAX_LINE) {
                assignment(text.substring(start, end)).ifPresent(kv -> fields.putIfAbsent(kv[0], kv[1]));
            }
            start = end + 1;
        }
        if (!fields.containsKey("NAME") && !fields.containsKey("PRETTY_NAME") && !fields.containsKey("ID")) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(prettyName(fields), fields.getOrDefault("ID", ""),
                fields.getOrDefault("VERSION_ID", ""), fields));
    }

    private static String prettyName(Map<String, String> fields) {
        String pretty = fields.getOrDefault("PRETTY_NAME", "");
        if (!pretty.isBlank()) {
            return pretty;
        }
        String name = fields.getOrDefault("NAME", "");
        String version = fields.getOrDefault("VERSION", "");
        if (!name.isBlank()) {
            return version.isBlank() ? name : name + " " + version;
        }
        return "Linux";
    }

    private static Optional<String[]> assignment(String rawLine) {
        String line = rawLine.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String key = line.substring(0, eq);
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            return Optional.empty();
        }
        return value(line.substring(eq + 1)).filter(OsReleaseParser::printable).map(v -> new String[] {key, v});
    }

    private static boolean printable(String value) {
        return value.chars().noneMatch(c -> c == '\uFFFD' || (Character.isISOControl(c) && c != '\t'));
    }

    private static Optional<String> value(String raw) {
        if (raw.isEmpty()) {
            return Optional.of("");
        }
        char quote = raw.charAt(0);
        if (quote != '"' && quote != '\'') {
            return Optional.of(raw);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote) {
                return Optional.of(out.toString());
            }
            if (c == '\\' && quote == '"' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return Optional.empty(); // unterminated quote: a truncated file; keep the other keys
    }
}
