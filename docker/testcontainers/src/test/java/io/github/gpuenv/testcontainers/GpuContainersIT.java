package io.github.gpuenv.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GpuContainers} with a real Testcontainers {@code GenericContainer} on the real engines: CDI devices on
 * Engine 26.1 (a test spec), the toolkit's device request on the engine whose dockerd has the stand-in hook, and
 * the daemon's own refusal on a plain Engine 20.10. Each case runs in a child JVM (Testcontainers takes its engine
 * from {@code DOCKER_HOST}), with Ryuk and Testcontainers' start-up checks off and its tiny image set to the test
 * image (nothing can be pulled here).
 */
class GpuContainersIT {

    /** Marks the containers of one test's child JVMs (label {@code gpuenv-test.tc-run}). */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    private static String run(String hostVariable, String gpus, String command, String... more) {
        String host = TestEngines.require(hostVariable);
        List<String> args = new java.util.ArrayList<>(List.of(gpus, command));
        args.addAll(List.of(more));
        ChildJvm.Result r = ChildJvm.run(List.of(), ContainerMain.class.getName(), args,
                Map.of("DOCKER_HOST", host, "TESTCONTAINERS_RYUK_DISABLED", "true",
                        "TESTCONTAINERS_CHECKS_DISABLE", "true",
                        // Testcontainers runs its "tiny image" (alpine) for housekeeping; nothing can be pulled here
                        "TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE", TestEngines.image(),
                        TestEngines.IMAGE, TestEngines.image(), "GPUENV_TC_RUN", RUN + "-" + command.hashCode()
                                + "-" + more.length), null,
                Duration.ofMinutes(3));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    @Test
    void cdiDevicesOnEngine26() throws Exception {
        Path spec = Path.of(TestEngines.require("GPUENV_TEST_DOCKER26_CDI_DIR"), "gpuenv-testcontainers-it.json");
        Files.writeString(spec, "{\"cdiVersion\":\"0.5.0\",\"kind\":\"gpuenv.test/tc\",\"devices\":[{\"name\":\"x\","
                + "\"containerEdits\":{\"env\":[\"GPUENV_TC=x\"],\"deviceNodes\":[{\"path\":\"/dev/gpuenv-tc0\","
                + "\"hostPath\":\"/dev/null\"}]}}]}", StandardCharsets.UTF_8);
        try {
            String out = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do { // the engine watches its spec directories: poll until it has read the new spec
                out = run(TestEngines.ENGINE26, "gpuenv.test/tc=x", "echo $GPUENV_TC; [ -c /dev/gpuenv-tc0 ] && echo yes");
            } while (out.contains("unresolvable CDI devices") && System.nanoTime() < deadline);
            assertThat(out).isEqualTo("OUT x|yes");
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    @Test
    void theToolkitsDeviceRequestWhereDockerdHasTheHook() {
        assertThat(run(TestEngines.HOOK, "all", "echo ${NVIDIA_VISIBLE_DEVICES-unset}")).isEqualTo("OUT all");
    }

    /**
     * Preflight, as {@code DockerGpu.run} has it: the engine's host is the H200 of the capture (CUDA 13.0) and the
     * container asks for {@code cuda>=99.0} (a {@code withEnv} override, as {@code -e}): refused with the typed
     * exception before Testcontainers creates anything; the same container without the requirement starts.
     */
    @Test
    void preflightRefusesACudaRequirementTheEngineHostsDriverCannotMeet(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String capture = io.github.gpuenv.testing.Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200")).toString();
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        assertThat(run(TestEngines.HOOK, "all", "true", capture, "NVIDIA_REQUIRE_CUDA=cuda>=99.0"))
                .startsWith("FAILED ").contains("CudaRequirementUnsatisfiedException").contains("99.0");
        assertThat(TestEngines.createEvents(TestEngines.require(TestEngines.HOOK), since, "gpuenv-test.tc-run",
                RUN + "-" + "true".hashCode() + "-2")).as("containers Testcontainers created").isEmpty();
        String allowed = "echo ${NVIDIA_VISIBLE_DEVICES-unset}";
        assertThat(run(TestEngines.HOOK, "all", allowed, capture, "NVIDIA_REQUIRE_CUDA=cuda>=12.0")).isEqualTo("OUT all");
        // the same query sees the container of the run preflight let through
        assertThat(TestEngines.createEvents(TestEngines.require(TestEngines.HOOK), since, "gpuenv-test.tc-run",
                RUN + "-" + allowed.hashCode() + "-2")).hasSize(1);
    }

    @Test
    void anEngineWithoutAGpuPathRefusesWithTheDaemonsText() {
        assertThat(run(TestEngines.ENGINE20, "all", "true")).startsWith("FAILED ")
                .contains("could not select device driver");
    }
}
