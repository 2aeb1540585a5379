package io.github.gpuenv.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node labels of the real H200 capture, value by value against GFD's rules, and the two file formats. */
class NodeLabelsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");

    @TempDir
    Path dir;

    private static GpuEnvReport h200() throws Exception {
        Path capture = Fixtures.path("h200-gpuenv-capture");
        return GpuEnv.detect(MachineCapture.replayOptions(capture).build());
    }

    @Test
    void theH200CaptureGetsGfdsLabelsWithGfdsFormats() throws Exception {
        SortedMap<String, String> labels = NodeLabels.of(h200(), NOW, true);
        Map<String, String> expected = new LinkedHashMap<>();
        // nvml.go newVersionLabeler: driver 580.159.04 split on dots; CUDA 13.0 from nvmlSystemGetCudaDriverVersion
        expected.put("nvidia.com/cuda.driver-version.full", "580.159.04");
        expected.put("nvidia.com/cuda.driver-version.major", "580");
        expected.put("nvidia.com/cuda.driver-version.minor", "159");
        expected.put("nvidia.com/cuda.driver-version.revision", "04");
        expected.put("nvidia.com/cuda.driver.major", "580");
        expected.put("nvidia.com/cuda.driver.minor", "159");
        expected.put("nvidia.com/cuda.driver.rev", "04");
        expected.put("nvidia.com/cuda.runtime-version.full", "13.0");
        expected.put("nvidia.com/cuda.runtime-version.major", "13");
        expected.put("nvidia.com/cuda.runtime-version.minor", "0");
        expected.put("nvidia.com/cuda.runtime.major", "13");
        expected.put("nvidia.com/cuda.runtime.minor", "0");
        // timestamp.go: Unix seconds
        expected.put("nvidia.com/gfd.timestamp", "1796223600");
        // resource.go: compute capability 9.0 → family hopper
        expected.put("nvidia.com/gpu.compute.major", "9");
        expected.put("nvidia.com/gpu.compute.minor", "0");
        expected.put("nvidia.com/gpu.count", "1");
        expected.put("nvidia.com/gpu.family", "hopper");
        // resource.go: total memory in MiB (150754820096 / 2^20)
        expected.put("nvidia.com/gpu.memory", "143771");
        // resource.go productLabel: the name with spaces as dashes
        expected.put("nvidia.com/gpu.product", "NVIDIA-H200");
        expected.put("nvidia.com/gpu.replicas", "1");
        // nvml.go: the H200 reports a MIG mode (Disabled), so it is MIG-capable; MPS only with an MPS sharing config
        expected.put("nvidia.com/mig.capable", "true");
        expected.put("nvidia.com/mps.capable", "false");
        // gpuenv's own: core alone has no docker fact, so not ready and no GPU path
        expected.put("gpuenv.io/cuda-containers-ready", "false");
        assertThat(labels).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(NodeLabels.of(h200(), NOW, false)).doesNotContainKey("nvidia.com/gfd.timestamp");
    }

    @Test
    void unknownFactsGiveNoLabels() {
        GpuEnvReport nothing = GpuEnv.detect(io.github.gpuenv.DetectOptions.builder().root(dir).build());
        assertThat(NodeLabels.of(nothing, NOW, true)).containsExactly(Map.entry("gpuenv.io/cuda-containers-ready",
                "false"));
    }

    @Test
    void gfdLinesAndTheNfdFeaturesFile() {
        Map<String, String> labels = new java.util.TreeMap<>(Map.of("nvidia.com/gpu.count", "1",
                "gpuenv.io/cuda-containers-ready", "true"));
        assertThat(NodeLabels.gfd(labels)).isEqualTo("gpuenv.io/cuda-containers-ready=true\nnvidia.com/gpu.count=1\n");
        assertThat(NodeLabels.nfdFeatures(labels, Instant.parse("2026-12-02T16:00:00.123Z")))
                .isEqualTo("# +expiry-time=2026-12-02T16:00:00Z\ngpuenv.io/cuda-containers-ready=true\n"
                        + "nvidia.com/gpu.count=1\n");
        Map<String, String> huge = Map.of("x", "y".repeat(NodeLabels.MAX_FEATURE_FILE_BYTES));
        assertThatThrownBy(() -> NodeLabels.nfdFeatures(huge, NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("65536");
    }

    @Test
    void familiesAsGfdNamesThem() {
        assertThat(NodeLabels.family(7, 0)).isEqualTo("volta");
        assertThat(NodeLabels.family(7, 5)).isEqualTo("turing");
        assertThat(NodeLabels.family(8, 9)).isEqualTo("ampere");
        assertThat(NodeLabels.family(10, 0)).isEqualTo("undefined");
    }
}
