package io.github.gpuenv.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The operating system family; JSON {@code "linux"}, {@code "windows"}, {@code "macos"}, {@code "other"}. */
public enum OsFamily {
    LINUX, WINDOWS, MACOS, OTHER;

    /** The JSON form. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family for a Java {@code os.name} value. */
    public static OsFamily fromOsName(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return OTHER;
    }
}
