package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.internal.PreflightRequirements.Declared;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment's requirements as the NVIDIA Container Toolkit reads them ({@code internal/config/image/
 * cuda_image.go}: {@code GetRequirements}, {@code HasDisableRequire}, {@code IsLegacy}, {@code legacyVersion}),
 * with the H200 host's own CUDA image environment (its capture's {@code env.txt}) as the real example.
 */
class PreflightRequirementsTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static List<String> variables(PreflightRequirements r) {
        return r.declared().stream().map(Declared::variable).toList();
    }

    @Test
    void theH200ImagesEnvironmentRequiresCuda13AndTheLegacyVersionIsNotAdded(@TempDir Path dir) throws Exception {
        Path capture = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"));
        PreflightRequirements r = PreflightRequirements.of(MachineCapture.environment(capture).variables());
        assertThat(variables(r)).containsExactly("NVIDIA_REQUIRE_CUDA");
        assertThat(r.declared().get(0).requirement().alternatives().get(0).toString()).isEqualTo("[cuda>=13.0]");
        assertThat(r.declared().get(0).requirement().alternatives()).hasSize(61);
    }

    @Test
    void everyRequireVariableButJetpackCounts() {
        PreflightRequirements r = PreflightRequirements.of(env("NVIDIA_REQUIRE_CUDA", "cuda>=12.4",
                "NVIDIA_REQUIRE_ARCH", "arch>=9.0", "NVIDIA_REQUIRE_JETPACK", "csv-mounts=all",
                "NVIDIA_REQUIRE_JETPACK_HOST_MOUNTS", "x", "PATH", "/bin"));
        assertThat(variables(r)).containsExactly("NVIDIA_REQUIRE_ARCH", "NVIDIA_REQUIRE_CUDA");
        assertThat(r.disabled()).isFalse();
    }

    @Test
    void disableRequireTakesWhatGoParseBoolTakesAsTrue() {
        for (String yes : List.of("1", "t", "T", "TRUE", "true", "True")) {
            PreflightRequirements r = PreflightRequirements.of(env("NVIDIA_REQUIRE_CUDA", "cuda>=99.0",
                    "NVIDIA_DISABLE_REQUIRE", yes));
            assertThat(r.disabled()).as(yes).isTrue();
            assertThat(r.disabledBy()).isEqualTo("NVIDIA_DISABLE_REQUIRE=" + yes);
            assertThat(r.declared()).isEmpty();
        }
        for (String no : List.of("0", "false", "yes", "on", "", " 1", "TRUE ", "tRUE", "2")) {
            PreflightRequirements r = PreflightRequirements.of(env("NVIDIA_REQUIRE_CUDA", "cuda>=99.0",
                    "NVIDIA_DISABLE_REQUIRE", no));
            assertThat(r.disabled()).as("'%s'", no).isFalse();
            assertThat(variables(r)).containsExactly("NVIDIA_REQUIRE_CUDA");
        }
    }

    @Test
    void aLegacyImageRequiresItsCudaVersionsMajorMinor() {
        PreflightRequirements r = PreflightRequirements.of(env("CUDA_VERSION", "12.4.1"));
        assertThat(r.declared()).singleElement().satisfies(d -> {
            assertThat(d.variable()).isEqualTo("CUDA_VERSION");
            assertThat(d.requirement().raw()).isEqualTo("cuda>=12.4");
            assertThat(d.describe()).isEqualTo("CUDA_VERSION=12.4.1 (a legacy image without NVIDIA_REQUIRE_CUDA:"
                    + " cuda>=12.4)");
        });
        // an empty NVIDIA_REQUIRE_CUDA (e.g. -e NVIDIA_REQUIRE_CUDA=) leaves the image legacy
        PreflightRequirements emptied = PreflightRequirements.of(env("CUDA_VERSION", "11.8.0", "NVIDIA_REQUIRE_CUDA", ""));
        assertThat(variables(emptied)).containsExactly("NVIDIA_REQUIRE_CUDA", "CUDA_VERSION");
        assertThat(emptied.declared().get(0).requirement().alternatives()).isEmpty();
        assertThat(emptied.declared().get(1).requirement().raw()).isEqualTo("cuda>=11.8");
        // a set NVIDIA_REQUIRE_CUDA wins over CUDA_VERSION
        assertThat(variables(PreflightRequirements.of(env("CUDA_VERSION", "13.0.2", "NVIDIA_REQUIRE_CUDA",
                "cuda>=13.0")))).containsExactly("NVIDIA_REQUIRE_CUDA");
    }

    @Test
    void cudaVersionIsReadWithSemverSyntaxAsTheToolkitDoes() {
        assertThat(PreflightRequirements.majorMinor("12.4.1")).isEqualTo("12.4");
        assertThat(PreflightRequirements.majorMinor("v12.4.1")).isEqualTo("12.4");
        assertThat(PreflightRequirements.majorMinor("12")).isEqualTo("12.0");
        assertThat(PreflightRequirements.majorMinor("12.4")).isEqualTo("12.4");
        assertThat(PreflightRequirements.majorMinor("12.4.1-rc.1+build.5")).isEqualTo("12.4");
        assertThat(PreflightRequirements.majorMinor("0.0.0")).isEqualTo("0.0");
        for (String bad : List.of("", "v", "abc", "12.4.1.2", "012.4", "12.04", "12.4-rc1", "12.x", "vv12.4",
                " 12.4", "12.4 ", "4294967296.0", "1.99999999999", "12..4", "\u0661\u0662.4")) {
            assertThat(PreflightRequirements.majorMinor(bad)).as("'%s'", bad).isNull();
        }
        assertThat(PreflightRequirements.majorMinor("4294967295.4294967295")).isEqualTo("4294967295.4294967295");
    }

    @Test
    void aMalformedLegacyVersionGivesNoRequirementButSaysSo() {
        PreflightRequirements r = PreflightRequirements.of(env("CUDA_VERSION", "twelve"));
        assertThat(r.declared()).isEmpty();
        assertThat(r.legacyProblem()).contains("CUDA_VERSION=twelve").contains("invalid CUDA version");
    }

    @Test
    void malformedRequirementValuesParseToNothingRequired() {
        for (String junk : List.of("", " ", "cuda", "cuda>=", ">=12", "foo>=1", "cuda=>12", "\u0000", ",,,")) {
            PreflightRequirements r = PreflightRequirements.of(env("NVIDIA_REQUIRE_CUDA", junk));
            assertThat(r.declared()).singleElement().satisfies(d ->
                    assertThat(d.requirement().alternatives()).as("'%s'", junk).isEmpty());
        }
        assertThat(PreflightRequirements.of(env()).declared()).isEmpty();
        assertThat(PreflightRequirements.of(env()).legacyProblem()).isEmpty();
    }
}
