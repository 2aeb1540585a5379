package io.github.gpuenv.report;

import java.time.Duration;
import java.util.Objects;

/**
 * One probe's try at establishing a fact, kept in the report whether it won or not.
 *
 * @param fact the fact, e.g. {@code "nvidia"}
 * @param probe the probe id, e.g. {@code "nvml"}
 * @param outcome {@code "known"}, or the {@link Reason#id()} it gave up with
 * @param detail what it saw
 * @param elapsed how long it took
 */
public record ProbeAttempt(String fact, String probe, String outcome, String detail, Duration elapsed) {
    public ProbeAttempt {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(outcome, "outcome");
        detail = Objects.requireNonNullElse(detail, "");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
