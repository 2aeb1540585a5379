package io.github.gpuenv.internal.check;

import io.github.gpuenv.Check;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.FactSet;

/** Turns facts into one {@link Check}. Pure: reads nothing but the facts and options. */
@FunctionalInterface
public interface ReadinessCheck {
    Check evaluate(FactSet facts, DetectOptions options);
}
