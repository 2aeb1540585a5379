package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.internal.check.ReadinessCheck;
import io.github.gpuenv.spi.CudaRequirementEvaluator;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code container.require-cuda}: whether the driver meets this container image's {@code NVIDIA_REQUIRE_CUDA},
 * as libnvidia-container checks it before starting a container ({@code requirement error: unsatisfied
 * condition: cuda>=…}). Skipped when the variable is unset.
 */
final class RequireCudaCheck implements ReadinessCheck {

    static final String ID = "container.require-cuda";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        if (!facts.container().isKnown()) {
            return Check.skipped(ID, "whether NVIDIA_REQUIRE_CUDA is set is not known: " + facts.container().describe());
        }
        CudaRequirement requirement = facts.container().value().requireCuda();
        if (requirement == null) {
            return Check.skipped(ID, "NVIDIA_REQUIRE_CUDA is not set");
        }
        if (requirement.alternatives().isEmpty()) {
            return Check.skipped(ID, "NVIDIA_REQUIRE_CUDA has no constraint gpuenv can read: '" + requirement.raw() + "'");
        }
        String wanted = "NVIDIA_REQUIRE_CUDA (" + describe(requirement) + ")";
        if (!facts.nvidia().isKnown()) {
            return Check.unknown(ID, wanted + " cannot be checked: the NVIDIA driver is unknown ("
                    + facts.nvidia().describe() + ")", "see the nvidia.driver check");
        }
        NvidiaDriver driver = facts.nvidia().value();
        Verdict verdict = CudaRequirementEvaluator.evaluate(requirement, new CudaRequirementEvaluator.Driver(
                driver.driverVersion(), driver.cudaDriverVersion(), null,
                driver.gpus().stream().map(GpuDevice::computeCapability).filter(Objects::nonNull).toList()));
        String have = "driver " + or(driver.driverVersion()) + " (CUDA " + or(driver.cudaDriverVersion()) + ")";
        return switch (verdict.outcome()) {
            case NOTHING_REQUIRED -> Check.skipped(ID, "NVIDIA_REQUIRE_CUDA requires nothing");
            case SATISFIED -> Check.pass(ID, have + " meets " + wanted + " through " + join(verdict.satisfiedBy()));
            case UNDECIDED -> Check.unknown(ID, wanted + " cannot be decided: " + have + " leaves "
                    + join(verdict.openAlternative()) + " open", "see the nvidia.driver check");
            case NEEDS_BRAND_OR_ARCH -> Check.warn(ID, unmet(verdict) + " for " + have + "; the image also accepts "
                    + join(verdict.openAlternative()) + " (forward compatibility), which depends on the GPU brand or"
                    + " architecture that gpuenv does not know", remedy(requirement, driver));
            case UNSATISFIED -> Check.fail(ID, unmet(verdict) + " — " + have + " does not meet " + wanted
                    + "; the legacy runtime refuses to start such a container, and in CDI mode CUDA calls fail"
                    + " with 'CUDA driver version is insufficient'", remedy(requirement, driver));
        };
    }

    private static String unmet(Verdict verdict) {
        return "requirement error: unsatisfied condition: "
                + (verdict.firstUnmet() == null ? join(verdict.openAlternative()) : verdict.firstUnmet());
    }

    private static String remedy(CudaRequirement requirement, NvidiaDriver driver) {
        String cuda = requirement.alternatives().stream().flatMap(List::stream)
                .filter(c -> c.key().equals("cuda") && c.operator().startsWith(">"))
                .map(Constraint::value).findFirst().orElse("");
        String target = cuda.isEmpty() ? "the image's requirement" : "CUDA ≥ " + cuda;
        String older = driver.cudaDriverVersion() == null ? "an image for an older CUDA"
                : "an image built for CUDA ≤ " + driver.cudaDriverVersion();
        return "update the NVIDIA driver to one that supports " + target
                + " (https://docs.nvidia.com/deploy/cuda-compatibility/), or use " + older;
    }

    private static String describe(CudaRequirement requirement) {
        String first = join(requirement.alternatives().get(0));
        int more = requirement.alternatives().size() - 1;
        return more == 0 ? first : first + " or " + more + " other alternative" + (more == 1 ? "" : "s");
    }

    private static String join(List<Constraint> constraints) {
        return constraints.stream().map(Constraint::toString).collect(Collectors.joining(","));
    }

    private static String or(String value) {
        return value == null || value.isEmpty() ? "unknown" : value;
    }
}
