package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import java.util.Objects;

/**
 * Why a source did not give the NVIDIA fact: a {@link Reason} and one sentence. Classifiers return it so they stay
 * pure and testable; probes turn it into an unknown {@link Fact}.
 *
 * @param reason why
 * @param detail what was seen
 */
record ProbeMiss(Reason reason, String detail) {
    ProbeMiss {
        Objects.requireNonNull(reason, "reason");
        detail = Objects.requireNonNullElse(detail, "");
    }

    <T> Fact<T> toFact() {
        return Fact.unknown(reason, detail);
    }
}
