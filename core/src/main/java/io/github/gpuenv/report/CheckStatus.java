package io.github.gpuenv.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A check's outcome. JSON: {@code "pass"}, {@code "fail"}, {@code "warn"}, {@code "unknown"}, {@code "skipped"}. */
public enum CheckStatus {
    /** What was checked is fine. */
    PASS,
    /** What was checked is broken; the remedy says how to fix it. */
    FAIL,
    /** Works, but something is off or about to break. */
    WARN,
    /** The facts needed could not be established. */
    UNKNOWN,
    /** Does not apply to this machine. */
    SKIPPED;

    /** The JSON form. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
