package io.github.gpuenv.internal.check;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;

/** Turns facts into one {@link Check}. Pure: reads nothing but the facts and options. */
@FunctionalInterface
public interface ReadinessCheck {
    Check evaluate(FactSet facts, DetectSettings options);
}
