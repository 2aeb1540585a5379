package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerContainerProbeTest {

    private final FakeCommandRunner runner = new FakeCommandRunner();

    @Test
    void theH200HostIsAContainerImageFromTwoSignals() {
        Fact<ContainerEnvironment> fact = probe(Fixtures.path("h200-container/root"), H200.environment());

        ContainerEnvironment c = fact.value();
        assertThat(c.inside()).isTrue();
        assertThat(c.runtime()).isEqualTo("docker");
        assertThat(c.evidence()).containsExactly("/.dockerenv exists",
                "CUDA image environment (NVIDIA_REQUIRE_CUDA is set)");
        assertThat(c.visibleDevices()).isEqualTo("0");
        assertThat(c.driverCapabilities()).isEqualTo("compute,graphics,utility");
        assertThat(c.cudaVersion()).isEqualTo("13.0.2");
        assertThat(c.requireCuda().raw()).isEqualTo(H200.requireCuda());
        assertThat(c.requireCuda().alternatives().get(0)).containsExactly(new Constraint("cuda", ">=", "13.0"));
        assertThat(runner.received()).isEmpty();
    }

    @Test
    void withoutDockerenvTheImageEnvironmentStillSaysContainer() {
        Fact<ContainerEnvironment> fact = probe(Fixtures.path("h200-linux/root"), H200.environment());

        assertThat(fact.value().inside()).isTrue();
        assertThat(fact.value().runtime()).isNull();
        assertThat(fact.value().evidence()).containsExactly("CUDA image environment (NVIDIA_REQUIRE_CUDA is set)");
    }

    @Test
    void aDockerContainerShowsThreeMarks() {
        Fact<ContainerEnvironment> fact = probe(Fixtures.path("docker-container/root"), Map.of());

        assertThat(fact.value()).isEqualTo(new ContainerEnvironment(true, "docker", null, null, null, null,
                List.of("/.dockerenv exists", "/proc/1/cgroup: docker", "/proc/self/mountinfo: docker")));
        assertThat(fact).isInstanceOf(Fact.Known.class);
        assertThat(((Fact.Known<ContainerEnvironment>) fact).probe()).isEqualTo("markers");
    }

    @Test
    void aPlainHostIsKnownToBeOutside() {
        Fact<ContainerEnvironment> fact = probe(Fixtures.path("no-toolkit/root"), Map.of("PATH", "/usr/bin"));

        assertThat(fact.value()).isEqualTo(new ContainerEnvironment(false, "", null, null, null, null, List.of()));
    }

    @Test
    void podmanAndKubernetesWinOverDockerenv(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("run"));
        Files.writeString(root.resolve("run/.containerenv"), "engine=\"podman-4.9.3\"\n");
        Files.writeString(root.resolve(".dockerenv"), "");

        assertThat(probe(root, Map.of("container", "podman")).value().runtime()).isEqualTo("podman");
        assertThat(probe(root, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")).value().runtime())
                .isEqualTo("kubernetes");
    }

    @Test
    void theContainerVariableAloneSaysInside(@TempDir Path root) {
        ContainerEnvironment lxc = probe(root, Map.of("container", "lxc")).value();
        ContainerEnvironment oci = probe(root, Map.of("container", "oci")).value();

        assertThat(lxc.inside()).isTrue();
        assertThat(lxc.runtime()).isEqualTo("lxc");
        assertThat(oci.inside()).isTrue();
        assertThat(oci.runtime()).isNull();
        assertThat(oci.evidence()).containsExactly("container=oci");
    }

    @Test
    void junkRequirementIsKeptRawWithNoAlternatives(@TempDir Path root) {
        ContainerEnvironment c = probe(root, Map.of("NVIDIA_REQUIRE_CUDA", "\u0000garbage")).value();

        assertThat(c.requireCuda().raw()).isEqualTo("\u0000garbage");
        assertThat(c.requireCuda().alternatives()).isEmpty();
    }

    private Fact<ContainerEnvironment> probe(Path root, Map<String, String> env) {
        return new MarkerContainerProbe().probe(Probes.context(root, runner, env, "Linux"));
    }
}
