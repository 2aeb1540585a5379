package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The toolkit path's wiring, without a GPU: an Engine 20.10 started with a stand-in
 * {@code nvidia-container-runtime-hook} on its PATH registers moby's {@code nvidia} device driver. Observed mapping
 * (moby {@code daemon/nvidia_linux.go}): Count −1 → {@code NVIDIA_VISIBLE_DEVICES=all}; Count N →
 * {@code 0,…,N−1}; DeviceIDs → joined with commas as given; capabilities other than {@code gpu} and
 * {@code nvidia} → {@code NVIDIA_DRIVER_CAPABILITIES} joined with commas, and no such variable when only
 * {@code gpu} is requested; the hook runs as a prestart hook with argument {@code prestart}.
 */
class ToolkitWiringIT {

    @AfterEach
    void nothingLeft() {
        TestEngines.assertNoManagedContainers(TestEngines.require(TestEngines.HOOK));
    }

    @ParameterizedTest(name = "--gpus {0}")
    @CsvSource(delimiter = '|', value = {
            "all | all | <unset>",
            "2 | 0,1 | <unset>",
            "'\"device=0,2\"' | 0,2 | <unset>",
            "device=GPU-c7454434-1b63-6221-86be-cfa0953be945 | GPU-c7454434-1b63-6221-86be-cfa0953be945 | <unset>",
            "'all,\"capabilities=compute,utility\"' | all | compute,utility",
            "'\"capabilities=compute,utility\"' | 0 | compute,utility",
            "'all,\"capabilities=graphics,nvidia\"' | all | graphics"})
    void theContainerSeesTheToolkitsVariables(String gpus, String visible, String capabilities) throws IOException {
        Path hookLog = Path.of(TestEngines.require("GPUENV_TEST_DOCKER_HOOK_LOG"));
        long callsBefore = Files.exists(hookLog) ? Files.readAllLines(hookLog).size() : 0;
        try (DockerGpu docker = TestEngines.connect(TestEngines.HOOK)) {
            RunResult r = docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("sh", "-c", "echo ${NVIDIA_VISIBLE_DEVICES-<unset>}; echo ${NVIDIA_DRIVER_CAPABILITIES-<unset>}")
                    // the stand-in hook serves any ids; preflight would judge them by this machine's GPUs
                    .gpus(GpuRequest.parse(gpus)).preflight(false).build());
            assertThat(r.exitCode()).isZero();
            assertThat(r.attach()).isEqualTo(Attach.TOOLKIT);
            assertThat(r.stdout()).isEqualTo(visible + "\n" + capabilities + "\n");
        }
        assertThat(Files.readAllLines(hookLog)).hasSizeGreaterThan((int) callsBefore).last().asString()
                .endsWith(" prestart");
    }

    @Test
    void printenvAsTheIssueWritesIt() {
        try (DockerGpu docker = TestEngines.connect(TestEngines.HOOK)) {
            RunResult r = docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("printenv", "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES")
                    .gpus(GpuRequest.devices("0", "2").withCapabilities("compute", "utility")).preflight(false).build());
            assertThat(r.stdout()).isEqualTo("0,2\ncompute,utility\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void theProbeContainerVerifiesThePath() {
        String host = TestEngines.require(TestEngines.HOOK);
        TestEngines.image();
        io.github.gpuenv.DetectOptions options = io.github.gpuenv.DetectOptions.builder()
                .environment(TestEngines.environment(host)).dockerProbeContainer(true)
                .probeTimeout(java.time.Duration.ofSeconds(10)).build();
        io.github.gpuenv.report.DockerEngine e = io.github.gpuenv.GpuEnv.detect(options).docker().value();
        assertThat(e.gpuPath()).isEqualTo(io.github.gpuenv.report.DockerEngine.GpuPath.VERIFIED);
        assertThat(e.gpuPathDetail()).contains("probe container started");
    }
}
