package io.github.gpuenv.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real machine's capture (the H200 host, see the fixture's README) replays as a fixture. */
class MachineCaptureReplayTest {

    @Test
    void theH200CaptureReplaysItsHostFacts() throws Exception {
        Path capture = Fixtures.path("h200-gpuenv-capture");
        DetectOptions options = DetectOptions.builder(MachineCapture.environment(capture))
                .root(capture.resolve("root")).commandRunner(MachineCapture.replay(capture)).build();

        GpuEnvReport report = GpuEnv.detect(options);

        assertThat(report.os().value().name()).isEqualTo("Ubuntu 24.04.3 LTS");
        ContainerEnvironment container = report.container().value();
        assertThat(container.inside()).isTrue();
        assertThat(container.visibleDevices()).isEqualTo("0");
        assertThat(container.engineInside()).as("dockerd ran in the host's container").isTrue();
        ContainerToolkit toolkit = report.toolkit().value();
        assertThat(toolkit.installed()).isFalse();
        assertThat(toolkit.cdiFeature()).isTrue();
        assertThat(toolkit.cdiSpecs()).singleElement().satisfies(spec -> assertThat(spec.devices())
                .containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf",
                        "nvidia.com/gpu=all"));
        // NVML answered on the host: the capture's probes.json gives its answer back, no library is loaded
        assertThat(report.nvidia().value().source()).isEqualTo("nvml");
        assertThat(report.nvidia().value().driverVersion()).isEqualTo("580.159.04");
        assertThat(report.nvidia().value().gpus()).singleElement().satisfies(gpu -> {
            assertThat(gpu.name()).isEqualTo("NVIDIA H200");
            assertThat(gpu.uuid()).isEqualTo("GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf");
            assertThat(gpu.memoryTotalBytes()).isEqualTo(150_754_820_096L);
        });
    }

    /**
     * Every fact gpuenv-core establishes replays to what the H200 host reported, field for field. (The docker fact
     * and its checks need gpuenv-docker, which core's tests do not have: the CLI's {@code RootReplayCliTest}
     * compares the whole report.)
     */
    @Test
    void theH200CaptureReplaysToTheFactsItRecorded() throws Exception {
        Path capture = Fixtures.path("h200-gpuenv-capture");
        DetectOptions options = DetectOptions.builder(MachineCapture.environment(capture))
                .root(capture.resolve("root")).commandRunner(MachineCapture.replay(capture)).build();

        JsonNode replayed = new ObjectMapper().readTree(GpuEnv.detect(options).toJson());
        JsonNode recorded = new ObjectMapper().readTree(Fixtures.text("h200-gpuenv-capture/report.json"));

        for (String fact : List.of("os", "windows", "wsl", "nvidia", "container", "toolkit")) {
            assertThat(replayed.get(fact)).as(fact).isEqualTo(recorded.get(fact));
        }
    }

    @Test
    void theCapturedEnvironmentKeepsTheVariablesTheProbesRead() throws Exception {
        var env = MachineCapture.environment(Fixtures.path("h200-gpuenv-capture"));
        assertThat(env.variable("NVIDIA_REQUIRE_CUDA")).hasValueSatisfying(v -> assertThat(v).startsWith("cuda>=13.0"));
        assertThat(env.property("os.name")).contains("Linux");
    }
}
