package io.github.gpuenv.report;

import java.util.Objects;

/**
 * One readiness check: a stable id, what was seen, and the fix.
 *
 * @param id stable, dotted, e.g. {@code "docker.gpu-path"}
 * @param status pass / fail / warn / unknown / skipped
 * @param message what was seen, in one sentence
 * @param remedy the exact command or link that fixes it; empty when nothing is to be done
 * @param blocking whether a fail or unknown makes the machine not ready
 */
public record Check(String id, CheckStatus status, String message, String remedy, boolean blocking) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = Objects.requireNonNullElse(message, "");
        remedy = Objects.requireNonNullElse(remedy, "");
    }

    /** Whether this check keeps the machine from being ready. */
    public boolean blocksReadiness() {
        return blocking && (status == CheckStatus.FAIL || status == CheckStatus.UNKNOWN);
    }

    public static Check pass(String id, String message) {
        return new Check(id, CheckStatus.PASS, message, "", true);
    }

    public static Check fail(String id, String message, String remedy) {
        return new Check(id, CheckStatus.FAIL, message, remedy, true);
    }

    public static Check warn(String id, String message, String remedy) {
        return new Check(id, CheckStatus.WARN, message, remedy, false);
    }

    public static Check unknown(String id, String message, String remedy) {
        return new Check(id, CheckStatus.UNKNOWN, message, remedy, true);
    }

    public static Check skipped(String id, String message) {
        return new Check(id, CheckStatus.SKIPPED, message, "", false);
    }
}
