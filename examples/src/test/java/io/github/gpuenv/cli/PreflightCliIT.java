package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.docker.testing.TestImages;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gpuenv run --dry-run [--json]}, {@code --no-preflight} and preflight's refusals in-process against the real
 * engines, the engine's host given as the H200 capture ({@code --engine-host-capture}). "Nothing created" is the
 * engine's event stream: no {@code create} of a container of this JVM during the command.
 */
class PreflightCliIT {

    static final String H200_GPU = "0: NVIDIA H200 GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf";
    static Path capture;

    @RegisterExtension
    final SystemStreams streams = new SystemStreams();

    @BeforeAll
    static void h200(@TempDir Path dir) throws Exception {
        capture = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"));
    }

    static Stream<String> allEngines() {
        return Stream.of(TestEngines.ENGINE20, TestEngines.ENGINE26, TestEngines.HOOK);
    }

    private static String cuda99(String host) {
        return TestImages.build(host, "gpuenv/preflight:cuda99", "FROM " + TestEngines.image()
                + "\nENV NVIDIA_REQUIRE_CUDA=cuda>=99.0\nLABEL io.github.gpuenv.test=preflight\n");
    }

    private int gpuenv(String host, String... args) {
        List<String> argv = new ArrayList<>(List.of("run", "-H", host, "--pull", "never", "--engine-host-capture",
                capture.toString()));
        argv.addAll(List.of(args));
        return GpuEnvCli.execute(argv.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("allEngines")
    void aDryRunPrintsTheDeviceRequestsAndCreatesNothing(String variable) {
        String host = TestEngines.require(variable);
        Instant since = Instant.now();
        assertThat(gpuenv(host, "--dry-run", "--gpus", "\"device=0\",\"capabilities=compute,utility\"", "-e", "A=1",
                TestEngines.image(), "sh", "-c", "echo hi")).isZero();
        assertThat(streams.out()).startsWith("gpuenv run --dry-run: nothing is created\n")
                .contains("device request   driver=\"\" count=0 device-ids=[0] capabilities=[[compute, utility, gpu]]")
                .contains("env              A=1\n")
                .contains("command          sh -c 'echo hi'\n")
                .contains("label            io.github.gpuenv.managed=true\n")
                .contains("pass     preflight.gpu-selection  --gpus")
                .contains("verdict          a run would create this container");
        assertThat(TestEngines.createEventsOfThisJvm(host, since)).isEmpty();
    }

    @Test
    void aDryRunAsJsonShowsTheCdiNames() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE26);
        Instant since = Instant.now();
        assertThat(gpuenv(host, "--dry-run", "--json", "--attach", "cdi", "--gpus", "nvidia.com/gpu=0",
                TestEngines.image(), "true")).isZero();
        JsonNode plan = new ObjectMapper().readTree(streams.out());
        assertThat(plan.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(plan.path("cdiDevices").toString()).isEqualTo("[\"nvidia.com/gpu=0\"]");
        assertThat(plan.path("deviceRequests").get(0).path("driver").asText()).isEqualTo("cdi");
        assertThat(plan.path("createRequest").path("HostConfig").path("DeviceRequests").get(0).path("DeviceIDs")
                .toString()).isEqualTo("[\"nvidia.com/gpu=0\"]");
        assertThat(plan.path("refusal").isNull()).isTrue();
        assertThat(TestEngines.createEventsOfThisJvm(host, since)).isEmpty();
    }

    @Test
    void aRefusedDryRunPrintsThePlanAndExits125() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE26);
        Instant since = Instant.now();
        assertThat(gpuenv(host, "--dry-run", "--json", "--gpus", "all", cuda99(host), "true")).isEqualTo(125);
        JsonNode plan = new ObjectMapper().readTree(streams.out());
        assertThat(plan.path("refusal").path("type").asText()).isEqualTo("CudaRequirementUnsatisfiedException");
        assertThat(streams.err()).startsWith("gpuenv: ").contains("unsatisfied condition: cuda>=99.0")
                .contains("supports CUDA 13.0");
        assertThat(TestEngines.createEventsOfThisJvm(host, since)).isEmpty();
    }

    @Test
    void aRefusedRunExits125ListingTheHostsGpusAndCreatesNothing() {
        String host = TestEngines.require(TestEngines.ENGINE26);
        Instant since = Instant.now();
        assertThat(gpuenv(host, "--attach", "cdi", "--gpus", "device=7", TestEngines.image(), "true")).isEqualTo(125);
        assertThat(streams.err()).contains("this host has no GPU 7 — the engine's host has 1 GPU: " + H200_GPU)
                .doesNotContain("generate a CDI spec");
        assertThat(streams.out()).isEmpty();
        assertThat(TestEngines.createEventsOfThisJvm(host, since)).isEmpty();
    }

    @Test
    void noPreflightLetsTheEngineAnswer() {
        String host = TestEngines.require(TestEngines.HOOK);
        Instant since = Instant.now();
        assertThat(gpuenv(host, "--no-preflight", "--gpus", "device=7", cuda99(host), "printenv",
                "NVIDIA_VISIBLE_DEVICES")).isZero();
        assertThat(streams.out()).isEqualTo("7\n");
        assertThat(TestEngines.createEventsOfThisJvm(host, since)).hasSize(1);
    }

    @Test
    void jsonWithoutDryRunIsAUsageError() {
        assertThat(GpuEnvCli.execute(new String[] {"run", "--json", "img"})).isEqualTo(GpuEnvCli.USAGE);
        assertThat(streams.err()).contains("--json needs --dry-run");
    }
}
