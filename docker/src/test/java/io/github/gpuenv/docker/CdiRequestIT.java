package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Driver: "cdi"} requests on the engines with CDI: Engine 26.1 with CDI on, and Podman 5.4. */
class CdiRequestIT {

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#cdiEngines")
    void anUnresolvableDeviceIsTypedAndLeavesNothing(String variable, String cdiDirVariable) {
        String host = TestEngines.require(variable);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("true").gpus(GpuRequest.cdi("gpuenv.test/none=nothing")).build()))
                    .isInstanceOf(CdiDeviceUnresolvableException.class)
                    .hasMessageContaining("unresolvable CDI devices gpuenv.test/none=nothing");
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#cdiEngines")
    void aCdiRequestAppliesTheSpecsEdits(String variable, String cdiDirVariable) throws IOException {
        String host = TestEngines.require(variable);
        String dir = TestEngines.require(cdiDirVariable);
        // a spec of a test-only kind (not nvidia.com/gpu, which the cdi module's tests own): env + a harmless node
        Path spec = Path.of(dir, "gpuenv-docker-it.json");
        Files.writeString(spec, "{\"cdiVersion\":\"0.5.0\",\"kind\":\"gpuenv.test/fake\",\"devices\":[{\"name\":\"x\","
                + "\"containerEdits\":{\"env\":[\"GPUENV_FAKE=x\"],\"deviceNodes\":[{\"path\":\"/dev/gpuenv-fake0\","
                + "\"hostPath\":\"/dev/null\"}]}}]}", StandardCharsets.UTF_8);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            RunResult r = awaitSpec(docker);
            assertThat(r.attach()).isEqualTo(Attach.CDI);
            assertThat(r.stdout()).isEqualTo("x\nyes\n");
        } finally {
            Files.deleteIfExists(spec);
            TestEngines.assertNoManagedContainers(host);
        }
    }

    /**
     * Engine 26 watches its spec directories (poll, bounded, until it has read the new spec); Podman reads them at
     * each create.
     */
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
