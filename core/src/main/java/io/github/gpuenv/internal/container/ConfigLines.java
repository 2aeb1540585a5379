package io.github.gpuenv.internal.container;

/** Line helpers shared by the line-oriented readers of config.toml and CDI YAML: comments and quoted scalars. */
final class ConfigLines {

    private ConfigLines() {
    }

    /**
     * Drops a {@code #} comment outside quotes. With {@code afterBlankOnly} (YAML), {@code #} starts a comment only
     * at the line's start or after a blank; otherwise (TOML) anywhere.
     */
    static String stripComment(String line, boolean afterBlankOnly) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (!afterBlankOnly || i == 0 || line.charAt(i - 1) == ' ')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** A plain, single- or double-quoted scalar, stripped and unquoted. */
    static String unquote(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
