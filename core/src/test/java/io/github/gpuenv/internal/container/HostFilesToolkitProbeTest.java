package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.ContainerToolkit.Binary;
import io.github.gpuenv.report.ContainerToolkit.CdiSpec;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesToolkitProbeTest {

    private static final List<String> CTK_VERSION = List.of("/usr/bin/nvidia-ctk", "--version");
    private static final Map<String, String> PATH = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin");

    @Test
    void theToolkitInstalledFixtureFromTheH200Captures() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .on(CTK_VERSION, "NVIDIA Container Toolkit CLI version 1.17.3\ncommit: 2b2b8e3\n");

        Fact<ContainerToolkit> fact = probe(Fixtures.path("toolkit-installed/root"), runner, PATH, "Linux");

        assertThat(fact.value()).isEqualTo(new ContainerToolkit(
                List.of(new Binary("nvidia-container-runtime-hook", "/usr/bin/nvidia-container-runtime-hook", ""),
                        new Binary("nvidia-cdi-hook", "/usr/bin/nvidia-cdi-hook", ""),
                        new Binary("nvidia-ctk", "/usr/bin/nvidia-ctk", "1.17.3"),
                        new Binary("nvidia-container-runtime", "/usr/bin/nvidia-container-runtime", "")),
                "/etc/nvidia-container-runtime/config.toml", null, "/etc/docker/daemon.json", true, null, true,
                List.of(new CdiSpec("/etc/cdi/nvidia.yaml", "nvidia.com/gpu", List.of("nvidia.com/gpu=0",
                        "nvidia.com/gpu=GPU-c7454434-1b63-6221-86be-cfa0953be945", "nvidia.com/gpu=all"))),
                List.of(), "", "auto", false, null));
        assertThat(runner.received()).hasSize(1);
        // three quarters of the 2 s probe timeout: a hung nvidia-ctk costs its version, not the fact (CommandFaultTest)
        assertThat(runner.received().get(0).timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void nothingInstalledIsKnownAndEmpty() {
        FakeCommandRunner runner = new FakeCommandRunner();

        Fact<ContainerToolkit> fact = probe(Fixtures.path("no-toolkit/root"), runner, PATH, "Linux");

        assertThat(fact.isKnown()).isTrue();
        assertThat(fact.value().binaries()).isEmpty();
        assertThat(fact.value().installed()).isFalse();
        assertThat(fact.value().daemonJsonPath()).isNull();
        assertThat(fact.value().configPath()).isNull();
        assertThat(fact.value().cdiSpecs()).isEmpty();
        assertThat(runner.received()).isEmpty();
    }

    @Test
    void aCtkThatDoesNotAnswerLeavesTheVersionEmpty() {
        FakeCommandRunner runner = new FakeCommandRunner().on(CTK_VERSION,
                r -> CommandResult.failed(r.argv(), CommandResult.Outcome.TIMED_OUT, r.timeout(), "killed"));

        Fact<ContainerToolkit> fact = probe(Fixtures.path("toolkit-installed/root"), runner, PATH, "Linux");

        assertThat(fact.value().has("nvidia-ctk")).isTrue();
        assertThat(fact.value().ctkVersion()).isNull();
    }

    @Test
    void pathIsSearchedInOrderBeforeTheStandardDirectories(@TempDir Path root) throws Exception {
        write(root, "opt/nct/bin/nvidia-ctk", "");
        write(root, "usr/bin/nvidia-ctk", "");
        write(root, "usr/local/bin/nvidia-container-cli", "");
        Files.createDirectories(root.resolve("opt/dir-not-file/nvidia-cdi-hook"));
        FakeCommandRunner runner = new FakeCommandRunner();

        ContainerToolkit t = probe(root, runner, Map.of("PATH", "relative/bin::/opt/dir-not-file:/opt/nct/bin/"), "Linux")
                .value();

        assertThat(t.binaries()).extracting(Binary::path)
                .containsExactly("/opt/nct/bin/nvidia-ctk", "/usr/local/bin/nvidia-container-cli");
        assertThat(runner.received()).extracting(r -> r.argv().get(0)).containsExactly("/opt/nct/bin/nvidia-ctk");
    }

    @Test
    void daemonJsonSpecDirsBrokenFilesAndMarkers(@TempDir Path root) throws Exception {
        write(root, "etc/docker/daemon.json", "{\"cdi-spec-dirs\":[\"/opt/cdi\"],\"default-runtime\":\"nvidia\"}");
        write(root, "opt/cdi/vendor.json", Fixtures.text("h200-toolkit/nvidia-ctk-cdi-h200.json"));
        write(root, "var/run/cdi/broken.yml", "\u0000\u0001");
        write(root, "var/run/cdi/notes.txt", "kind: ignored/kind\n");
        write(root, "etc/nvidia-container-runtime/config.toml", "[nvidia-container-cli]\nno-cgroups = true\n");
        Files.createDirectories(root.resolve("snap/docker"));
        Files.createDirectories(root.resolve("dev/char"));

        ContainerToolkit t = probe(root, new FakeCommandRunner(), PATH, "Linux").value();

        assertThat(t.defaultRuntime()).isEqualTo("nvidia");
        assertThat(t.nvidiaRuntime()).isFalse();
        assertThat(t.daemonCdiSpecDirs()).containsExactly("/opt/cdi");
        assertThat(t.cdiSpecs()).containsExactly(new CdiSpec("/var/run/cdi/broken.yml", "", List.of()),
                new CdiSpec("/opt/cdi/vendor.json", "nvidia.com/gpu", List.of("nvidia.com/gpu=0",
                        "nvidia.com/gpu=GPU-c7454434-1b63-6221-86be-cfa0953be945", "nvidia.com/gpu=all")));
        assertThat(t.noCgroups()).isTrue();
        assertThat(t.dockerSnap()).isTrue();
        assertThat(t.devCharSymlinks()).isFalse();
    }

    @Test
    void aBrokenDaemonJsonIsReportedNotThrown(@TempDir Path root) throws Exception {
        write(root, "etc/docker/daemon.json", "{\"runtimes\": {\"nvidia\": ");

        ContainerToolkit t = probe(root, new FakeCommandRunner(), PATH, "Linux").value();

        assertThat(t.daemonJsonPath()).isEqualTo("/etc/docker/daemon.json");
        assertThat(t.daemonJsonProblem()).startsWith("not valid JSON: ");
    }

    @Test
    void notApplicableOnWindowsAndMacos() {
        for (String os : List.of("Windows 11", "Mac OS X")) {
            Fact<ContainerToolkit> fact = probe(Fixtures.path("toolkit-installed/root"), new FakeCommandRunner(),
                    PATH, os);

            assertThat(fact.unknownReason()).contains(Reason.NOT_APPLICABLE);
        }
    }

    private static Fact<ContainerToolkit> probe(Path root, FakeCommandRunner runner, Map<String, String> env,
                                                String os) {
        return new HostFilesToolkitProbe().probe(Probes.context(root, runner, env, os));
    }

    private static void write(Path root, String relative, String content) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
