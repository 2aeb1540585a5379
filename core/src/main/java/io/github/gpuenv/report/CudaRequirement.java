package io.github.gpuenv.report;

import java.util.List;
import java.util.Objects;

/**
 * {@code NVIDIA_REQUIRE_CUDA} parsed as libnvidia-container reads it: space-separated alternatives, any one of
 * which suffices; each alternative is comma-separated constraints that must all hold
 * ({@code "cuda>=12.4 brand=tesla,driver>=470,driver<471"}). Parsed by
 * {@link io.github.gpuenv.spi.NvidiaRequireCudaParser}, evaluated by {@link io.github.gpuenv.spi.CudaRequirementEvaluator}.
 *
 * @param raw the variable's value, unchanged
 * @param alternatives the alternatives, each a list of constraints
 */
public record CudaRequirement(String raw, List<List<Constraint>> alternatives) {
    public CudaRequirement {
        Objects.requireNonNull(raw, "raw");
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /**
     * One constraint, e.g. {@code cuda>=12.4}.
     *
     * @param key {@code cuda}, {@code driver}, {@code arch} or {@code brand}
     * @param operator one of {@code = == != < <= > >=}
     * @param value the right-hand side, e.g. {@code "12.4"}
     */
    public record Constraint(String key, String operator, String value) {
        public Constraint {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return key + operator + value;
        }
    }
}
