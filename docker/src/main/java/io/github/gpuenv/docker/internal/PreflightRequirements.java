package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The requirements a container's environment declares, read as the NVIDIA Container Toolkit reads them
 * ({@code internal/config/image/cuda_image.go}): every {@code NVIDIA_REQUIRE_*} variable but
 * {@code NVIDIA_REQUIRE_JETPACK*} is one requirement, and all must hold; a "legacy" image — {@code CUDA_VERSION}
 * set and {@code NVIDIA_REQUIRE_CUDA} unset or empty — requires {@code cuda>=MAJOR.MINOR} of its
 * {@code CUDA_VERSION}; {@code NVIDIA_DISABLE_REQUIRE} set to what Go's {@code strconv.ParseBool} reads as true
 * ({@code 1}, {@code t}, {@code T}, {@code TRUE}, {@code true}, {@code True}) disables them all, and anything else
 * (also {@code yes}) does not. Values are parsed by core's {@link NvidiaRequireCudaParser}. Pure; never throws.
 *
 * <p>{@code PreflightRequirements r = PreflightRequirements.of(Map.of("NVIDIA_REQUIRE_CUDA", "cuda>=12.4"));}
 *
 * @param disabledBy {@code NVIDIA_DISABLE_REQUIRE=<value>} when it disables the requirements; empty otherwise
 * @param declared the requirements, by variable name (sorted; the legacy one last)
 * @param legacyProblem why a legacy {@code CUDA_VERSION} gives no requirement (the toolkit's hook fails on it:
 *     {@code invalid CUDA version}); empty when there is none
 */
record PreflightRequirements(String disabledBy, List<Declared> declared, String legacyProblem) {

    static final String DISABLE = "NVIDIA_DISABLE_REQUIRE";
    static final String REQUIRE_PREFIX = "NVIDIA_REQUIRE_";
    static final String REQUIRE_CUDA = "NVIDIA_REQUIRE_CUDA";
    static final String JETPACK_PREFIX = "NVIDIA_REQUIRE_JETPACK";
    static final String CUDA_VERSION = "CUDA_VERSION";

    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    /** golang.org/x/mod/semver: vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]], no leading zeros. */
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String PRE_ID = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final String BUILD_ID = "[0-9A-Za-z-]+";
    private static final Pattern SEMVER = Pattern.compile("v" + NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER
            + "(?:-" + PRE_ID + "(?:\\." + PRE_ID + ")*)?(?:\\+" + BUILD_ID + "(?:\\." + BUILD_ID + ")*)?)?)?");
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    PreflightRequirements {
        Objects.requireNonNull(disabledBy, "disabledBy");
        declared = List.copyOf(declared);
        Objects.requireNonNull(legacyProblem, "legacyProblem");
    }

    /**
     * One requirement.
     *
     * @param variable where it comes from, e.g. {@code NVIDIA_REQUIRE_CUDA}, or {@code CUDA_VERSION} for the legacy one
     * @param value the variable's value (for the legacy one: the {@code CUDA_VERSION})
     * @param requirement the value parsed (the legacy one: {@code cuda>=MAJOR.MINOR})
     */
    record Declared(String variable, String value, CudaRequirement requirement) {
        Declared {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(requirement, "requirement");
        }

        /** {@code NVIDIA_REQUIRE_CUDA=cuda>=12.4}, or {@code CUDA_VERSION=12.4.1 (legacy: cuda>=12.4)}. */
        String describe() {
            return variable.equals(CUDA_VERSION) ? CUDA_VERSION + "=" + value + " (a legacy image without "
                    + REQUIRE_CUDA + ": " + requirement.raw() + ")" : variable + "=" + value;
        }
    }

    /** The requirements of the environment {@code env} (the image's with the run's over it). */
    static PreflightRequirements of(Map<String, String> env) {
        String disable = env.get(DISABLE);
        if (disable != null && GO_TRUE.contains(disable)) {
            return new PreflightRequirements(DISABLE + "=" + disable, List.of(), "");
        }
        List<Declared> declared = new ArrayList<>();
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith(REQUIRE_PREFIX) && !name.startsWith(JETPACK_PREFIX)) {
                declared.add(new Declared(name, value, NvidiaRequireCudaParser.parse(value)));
            }
        });
        String legacyProblem = "";
        String cudaVersion = env.getOrDefault(CUDA_VERSION, "");
        if (!cudaVersion.isEmpty() && env.getOrDefault(REQUIRE_CUDA, "").isEmpty()) {
            String majorMinor = majorMinor(cudaVersion);
            if (majorMinor == null) {
                legacyProblem = CUDA_VERSION + "=" + cudaVersion + " is not a version the NVIDIA Container Toolkit"
                        + " reads (MAJOR[.MINOR[.PATCH]]): its hook fails with 'invalid CUDA version', and no"
                        + " requirement is taken from it";
            } else {
                declared.add(new Declared(CUDA_VERSION, cudaVersion, NvidiaRequireCudaParser.parse("cuda>=" + majorMinor)));
            }
        }
        return new PreflightRequirements("", declared, legacyProblem);
    }

    /** Whether {@code NVIDIA_DISABLE_REQUIRE} turned the requirements off. */
    boolean disabled() {
        return !disabledBy.isEmpty();
    }

    /**
     * {@code MAJOR.MINOR} of a {@code CUDA_VERSION} as the toolkit's {@code parseMajorMinorVersion} takes it (a
     * leading {@code v} optional, semantic-version syntax, each part a 32-bit unsigned number); null when it is not.
     */
    static String majorMinor(String version) {
        String v = "v" + (version.startsWith("v") ? version.substring(1) : version);
        var m = SEMVER.matcher(v);
        if (!m.matches()) {
            return null;
        }
        String major = m.group(1);
        String minor = m.group(2) == null ? "0" : m.group(2);
        if (!fitsUint32(major) || !fitsUint32(minor)) {
            return null;
        }
        return major + "." + minor;
    }

    private static boolean fitsUint32(String digits) {
        return digits.length() <= 10 && Long.parseLong(digits) <= UINT32_MAX;
    }
}
