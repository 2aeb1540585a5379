package io.github.gpuenv.spi;

import io.github.gpuenv.internal.AsciiCase;
import io.github.gpuenv.internal.VersionNumber;

import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a driver satisfies a {@link CudaRequirement}, as libnvidia-container would before starting a
 * container: one alternative whose constraints all hold suffices. Pure: no I/O. The one evaluator of gpuenv: core's
 * {@code container.require-cuda} check and gpuenv-docker's preflight of an image's {@code NVIDIA_REQUIRE_*} both
 * use it (libnvidia-container evaluates a requirement once per visible GPU, with that GPU's compute capability:
 * callers that know the GPUs pass one architecture at a time).
 *
 * <p>{@code Verdict v = CudaRequirementEvaluator.evaluate(NvidiaRequireCudaParser.parse("cuda>=12.4"),
 * new Driver("580.159.04", "13.0", null, List.of()));}
 *
 * <p>A {@code cuda} or {@code driver} constraint against an unknown version makes its alternative undecided. A
 * {@code brand} or {@code arch} constraint against an unknown brand or architecture cannot be satisfied, but
 * unlike a constraint that is false it leaves the verdict open ({@link Outcome#NEEDS_BRAND_OR_ARCH}) when no
 * other alternative holds.
 */
public final class CudaRequirementEvaluator {

    private CudaRequirementEvaluator() {
    }

    /**
     * What the requirement is checked against.
     *
     * @param driverVersion e.g. {@code "580.159.04"}; empty or null when unknown
     * @param cudaDriverVersion the highest CUDA the driver supports, e.g. {@code "13.0"}; empty or null when unknown
     * @param brand the GPU brand as NVML names it ({@code "tesla"}, {@code "nvidia"}, …); null when unknown
     * @param architectures compute capabilities of the GPUs, e.g. {@code ["9.0"]}; empty when unknown
     */
    public record Driver(String driverVersion, String cudaDriverVersion, String brand, List<String> architectures) {
        public Driver {
            driverVersion = Objects.requireNonNullElse(driverVersion, "");
            cudaDriverVersion = Objects.requireNonNullElse(cudaDriverVersion, "");
            architectures = List.copyOf(architectures);
        }
    }

    /** The verdict's kind. */
    public enum Outcome {
        /** The requirement has no readable constraint: nothing is required. */
        NOTHING_REQUIRED,
        /** One alternative holds. */
        SATISFIED,
        /** Every alternative has a constraint that is false. */
        UNSATISFIED,
        /** No alternative holds, and one could only be decided with a driver or CUDA version that is unknown. */
        UNDECIDED,
        /** No alternative holds, but one fails only on a GPU brand or architecture that is unknown. */
        NEEDS_BRAND_OR_ARCH
    }

    /**
     * A verdict.
     *
     * @param outcome the kind
     * @param satisfiedBy the alternative that holds; empty unless {@link Outcome#SATISFIED}
     * @param firstUnmet the first false constraint of the first alternative (what libnvidia-container reports as
     *     {@code unsatisfied condition}); null when none is false
     * @param openAlternative the first alternative left open by an unknown; empty when none
     */
    public record Verdict(Outcome outcome, List<Constraint> satisfiedBy, Constraint firstUnmet,
                          List<Constraint> openAlternative) {
        public Verdict {
            Objects.requireNonNull(outcome, "outcome");
            satisfiedBy = List.copyOf(satisfiedBy);
            openAlternative = List.copyOf(openAlternative);
        }
    }

    private enum Truth { TRUE, FALSE, VERSION_UNKNOWN, ATTRIBUTE_UNKNOWN }

    /** Evaluates {@code requirement} against {@code driver}. Never throws. */
    public static Verdict evaluate(CudaRequirement requirement, Driver driver) {
        if (requirement.alternatives().isEmpty()) {
            return new Verdict(Outcome.NOTHING_REQUIRED, List.of(), null, List.of());
        }
        Constraint firstUnmet = null;
        List<Constraint> undecided = null;
        List<Constraint> needsAttribute = null;
        for (List<Constraint> alternative : requirement.alternatives()) {
            boolean isFalse = false;
            boolean versionUnknown = false;
            boolean attributeUnknown = false;
            for (Constraint c : alternative) {
                Truth t = check(c, driver);
                if (t == Truth.FALSE) {
                    firstUnmet = firstUnmet == null ? c : firstUnmet;
                    isFalse = true;
                    break;
                }
                versionUnknown |= t == Truth.VERSION_UNKNOWN;
                attributeUnknown |= t == Truth.ATTRIBUTE_UNKNOWN;
            }
            if (isFalse) {
                continue;
            }
            if (!versionUnknown && !attributeUnknown) {
                return new Verdict(Outcome.SATISFIED, alternative, null, List.of());
            }
            if (versionUnknown && undecided == null) {
                undecided = alternative;
            } else if (!versionUnknown && needsAttribute == null) {
                needsAttribute = alternative;
            }
        }
        if (undecided != null) {
            return new Verdict(Outcome.UNDECIDED, List.of(), firstUnmet, undecided);
        }
        if (needsAttribute != null) {
            return new Verdict(Outcome.NEEDS_BRAND_OR_ARCH, List.of(), firstUnmet, needsAttribute);
        }
        return new Verdict(Outcome.UNSATISFIED, List.of(), firstUnmet, List.of());
    }

    private static Truth check(Constraint c, Driver driver) {
        return switch (c.key()) {
            case "cuda" -> versionTruth(driver.cudaDriverVersion(), c);
            case "driver" -> versionTruth(driver.driverVersion(), c);
            case "brand" -> driver.brand() == null || driver.brand().isBlank()
                    ? Truth.ATTRIBUTE_UNKNOWN
                    : truth(compareBrand(driver.brand(), c.value()), c.operator());
            case "arch" -> archTruth(driver.architectures(), c);
            default -> Truth.FALSE;
        };
    }

    private static Truth versionTruth(String actual, Constraint c) {
        if (actual == null || actual.isEmpty()) {
            return Truth.VERSION_UNKNOWN;
        }
        Optional<Integer> cmp = VersionNumber.compare(actual, c.value());
        return cmp.map(v -> truth(v, c.operator())).orElse(Truth.FALSE);
    }

    /** libnvidia-container requires every visible GPU to meet an {@code arch} constraint. */
    private static Truth archTruth(List<String> architectures, Constraint c) {
        if (architectures.isEmpty()) {
            return Truth.ATTRIBUTE_UNKNOWN;
        }
        for (String arch : architectures) {
            Optional<Integer> cmp = VersionNumber.compare(arch, c.value());
            if (cmp.isEmpty()) {
                return Truth.ATTRIBUTE_UNKNOWN;
            }
            if (truth(cmp.get(), c.operator()) == Truth.FALSE) {
                return Truth.FALSE;
            }
        }
        return Truth.TRUE;
    }

    private static int compareBrand(String actual, String wanted) {
        return AsciiCase.lower(actual.strip()).compareTo(AsciiCase.lower(wanted.strip()));
    }

    private static Truth truth(int cmp, String operator) {
        boolean holds = switch (operator) {
            case "=", "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> false;
        };
        return holds ? Truth.TRUE : Truth.FALSE;
    }
}
