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

    private static String run(String hostVariable, String gpus, String command) {
        String host = TestEngines.require(hostVariable);
        ChildJvm.Result r = ChildJvm.run(List.of(), ContainerMain.class.getName(), List.of(gpus, command),
                Map.of("DOCKER_HOST", host, "TESTCONTAINERS_RYUK_DISABLED", "true",
                        "TESTCONTAINERS_CHECKS_DISABLE", "true",
                        // Testcontainers runs its "tiny image" (alpine) for housekeeping; nothing can be pulled here
                        "TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE", TestEngines.image(),
                        TestEngines.IMAGE, TestEngines.image()), null,
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

    @Test
    void anEngineWithoutAGpuPathRefusesWithTheDaemonsText() {
        assertThat(run(TestEngines.ENGINE20, "all", "true")).startsWith("FAILED ")
                .contains("could not select device driver");
    }
}
