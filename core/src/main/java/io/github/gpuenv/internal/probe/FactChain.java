package io.github.gpuenv.internal.probe;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.spi.Probe;
import java.util.List;
import java.util.Objects;

/**
 * The ordered probes of one fact; the first known result wins.
 *
 * @param fact the fact's name in the report, e.g. {@code "nvidia"}
 * @param probes preferred first
 * @param whenEmpty the fact when there are no probes at all (e.g. module absent)
 * @param <T> the fact's type
 */
public record FactChain<T>(String fact, List<Probe<T>> probes, Fact<T> whenEmpty) {
    public FactChain {
        Objects.requireNonNull(fact, "fact");
        probes = List.copyOf(probes);
        Objects.requireNonNull(whenEmpty, "whenEmpty");
    }

    /** A chain of {@code probes}. */
    @SafeVarargs
    public static <T> FactChain<T> of(String fact, Probe<T>... probes) {
        return new FactChain<>(fact, List.of(probes), Fact.unknown(io.github.gpuenv.report.Reason.NOT_FOUND, "no probe"));
    }
}
