package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Driver: "cdi"} requests on Engine 26.1 with CDI on. */
class CdiRequestIT {

    @AfterEach
    void nothingLeft() {
        TestEngines.assertNoManagedContainers(TestEngines.require(TestEngines.ENGINE26));
    }

    @Test
    void anUnresolvableDeviceIsTypedAndLeavesNothing() {
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE26)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("true").gpus(GpuRequest.cdi("gpuenv.test/none=nothing")).build()))
                    .isInstanceOf(CdiDeviceUnresolvableException.class)
                    .hasMessageContaining("unresolvable CDI devices gpuenv.test/none=nothing");
        }
    }

    @Test
    void aCdiRequestAppliesTheSpecsEdits() throws IOException {
        String dir = TestEngines.require("GPUENV_TEST_DOCKER26_CDI_DIR");
        // a spec of a test-only kind (not nvidia.com/gpu, which the cdi module's tests own): env + a harmless node
        Path spec = Path.of(dir, "gpuenv-docker-it.json");
        Files.writeString(spec, "{\"cdiVersion\":\"0.5.0\",\"kind\":\"gpuenv.test/fake\",\"devices\":[{\"name\":\"x\","
                + "\"containerEdits\":{\"env\":[\"GPUENV_FAKE=x\"],\"deviceNodes\":[{\"path\":\"/dev/gpuenv-fake0\","
                + "\"hostPath\":\"/dev/null\"}]}}]}", StandardCharsets.UTF_8);
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE26)) {
            RunResult r = awaitSpec(docker);
            assertThat(r.attach()).isEqualTo(Attach.CDI);
            assertThat(r.stdout()).isEqualTo("x\nyes\n");
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    /** The engine watches its spec directories; poll (bounded) until it has read the new spec. */
    private static RunResult awaitSpec(DockerGpu docker) {
        RunOptions options = RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                .command("sh", "-c", "echo $GPUENV_FAKE; [ -c /dev/gpuenv-fake0 ] && echo yes")
                .gpus(GpuRequest.cdi("gpuenv.test/fake=x")).build();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return docker.run(options);
            } catch (CdiDeviceUnresolvableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
