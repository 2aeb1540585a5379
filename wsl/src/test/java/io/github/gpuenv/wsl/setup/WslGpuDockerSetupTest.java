package io.github.gpuenv.wsl.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslOptions;
import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole plan against the fake wsl.exe. */
class WslGpuDockerSetupTest {

    private static final String DIR = "D:\\WSL\\gpu ubuntu";
    private static final String TAR = "D:\\WSL\\gpu ubuntu\\gpuenv-Ubuntu-22.04.tar";

    @TempDir
    Path tmp;
    FakeWslExe fake;
    Wsl wsl;
    final List<String> events = new ArrayList<>();
    final WslSetupListener recorder = new WslSetupListener() {
        @Override
        public void skipped(WslSetupStep step) {
            events.add("skip " + step.id());
        }

        @Override
        public void started(WslSetupStep step) {
            events.add("start " + step.id());
        }

        @Override
        public void finished(WslSetupStep step) {
            events.add("done " + step.id());
        }

        @Override
        public void failed(WslSetupStep step, WslSetupException failure) {
            events.add("fail " + step.id());
        }
    };

    @BeforeEach
    void setUp() {
        fake = FakeWslExe.create(tmp.resolve("fake"));
        wsl = Wsl.local(WslOptions.builder().wslExe(fake.path()).build());
    }

    private WslGpuDockerSetup setup(List<Check> checks) {
        return WslGpuDockerSetup.builder(wsl, "gpu-ubuntu", DIR).report(() -> report(checks)).build();
    }

    private static GpuEnvReport report(List<Check> checks) {
        Fact<?> u = Fact.unknown(Reason.SKIPPED, "test");
        @SuppressWarnings({"unchecked", "rawtypes"})
        FactSet facts = new FactSet((Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u);
        return GpuEnvReport.of(facts, checks, List.of(), Instant.EPOCH, Duration.ZERO);
    }

    private List<String> root(String... command) {
        List<String> argv = new ArrayList<>(List.of("-d", "gpu-ubuntu", "-u", "root", "--exec"));
        argv.addAll(List.of(command));
        return argv;
    }

    @Test
    void dryRunPrintsTheExactCommandsAndRunsNothing() {
        String exe = fake.path();
        List<String> expected = List.of(
                "# requirements: check windows.build, wsl.version, wsl.kernel, nvidia.driver (gpuenv detect) and wsl.exe --status",
                exe + " --status",
                "# install-source: install the Store distribution Ubuntu-22.04 (not launched)",
                exe + " --install -d Ubuntu-22.04 --no-launch",
                "# export-source: export Ubuntu-22.04 to " + TAR,
                exe + " --export Ubuntu-22.04 \"" + TAR + "\"",
                "# import: import " + TAR + " as gpu-ubuntu into " + DIR + " (WSL 2)",
                exe + " --import gpu-ubuntu \"" + DIR + "\" \"" + TAR + "\" --version 2",
                "# wsl2: make sure gpu-ubuntu runs as WSL 2",
                exe + " --set-version gpu-ubuntu 2",
                "# docker-engine: install Docker Engine (Debian/Ubuntu package docker.io)",
                exe + " -d gpu-ubuntu -u root --exec apt-get update",
                exe + " -d gpu-ubuntu -u root --exec env DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io",
                "# nvidia-container-toolkit: install the NVIDIA Container Toolkit from NVIDIA's apt repository",
                exe + " -d gpu-ubuntu -u root --exec env DEBIAN_FRONTEND=noninteractive apt-get install -y curl gnupg"
                        + " ca-certificates",
                exe + " -d gpu-ubuntu -u root --exec curl -fsSL -o /tmp/gpuenv-nvidia-container-toolkit.gpgkey"
                        + " https://nvidia.github.io/libnvidia-container/gpgkey",
                exe + " -d gpu-ubuntu -u root --exec gpg --dearmor --yes -o"
                        + " /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg /tmp/gpuenv-nvidia-container-toolkit.gpgkey",
                exe + " -d gpu-ubuntu -u root --exec curl -fsSL -o /tmp/gpuenv-nvidia-container-toolkit.list"
                        + " https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list",
                exe + " -d gpu-ubuntu -u root --exec sed -i \"s#deb https://#deb"
                        + " [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g\""
                        + " /tmp/gpuenv-nvidia-container-toolkit.list",
                exe + " -d gpu-ubuntu -u root --exec install -m 0644 /tmp/gpuenv-nvidia-container-toolkit.list"
                        + " /etc/apt/sources.list.d/nvidia-container-toolkit.list",
                exe + " -d gpu-ubuntu -u root --exec apt-get update",
                exe + " -d gpu-ubuntu -u root --exec env DEBIAN_FRONTEND=noninteractive apt-get install -y"
                        + " nvidia-container-toolkit",
                "# docker-runtime: register the nvidia runtime with Docker (/etc/docker/daemon.json)",
                exe + " -d gpu-ubuntu -u root --exec nvidia-ctk runtime configure --runtime=docker",
                "# docker-restart: restart Docker so it loads the nvidia runtime",
                exe + " -d gpu-ubuntu -u root --exec service docker restart",
                "# gpu-smoke: verify: run nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi with --gpus all",
                exe + " -d gpu-ubuntu -u root --exec docker run --rm --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04"
                        + " nvidia-smi");
        assertThat(setup(List.of()).dryRun()).containsExactlyElementsOf(expected);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aTarFileIsImportedDirectlyIntoTheDirectory() {
        WslGpuDockerSetup fromTar = WslGpuDockerSetup.builder(wsl, "gpu-ubuntu", DIR).fromTar("E:\\images\\ub.tar")
                .report(() -> report(List.of())).build();
        assertThat(fromTar.steps()).extracting(WslSetupStep::id).containsExactly("requirements", "import", "wsl2",
                "docker-engine", "nvidia-container-toolkit", "docker-runtime", "docker-restart", "gpu-smoke");
        assertThat(fromTar.steps().get(1).commands()).containsExactly(
                List.of(fake.path(), "--import", "gpu-ubuntu", DIR, "E:\\images\\ub.tar", "--version", "2"));
    }

    @Test
    void aSecondRunSkipsWhatIsDoneAndRunsTheRest() {
        fake.on("--status").stdoutFixture("status/ok.txt");
        fake.on("--list", "--verbose").stdout("  NAME          STATE           VERSION\r\n* gpu-ubuntu    Running"
                + "         2\r\n");
        fake.on(root("test", "-x", "/usr/bin/dockerd"));
        fake.on(root("nvidia-ctk", "--version")).stdout("NVIDIA Container Toolkit CLI version 1.17.8\n");
        fake.on(root("grep", "-q", "nvidia", "/etc/docker/daemon.json"));
        List<String> runtimes = root("docker", "info", "--format", "{{json .Runtimes}}");
        fake.on(runtimes).stdout("{\"runc\":{\"path\":\"runc\"}}\n").once();
        fake.on(root("service", "docker", "restart"));
        fake.on(runtimes).stdout("{\"nvidia\":{\"path\":\"nvidia-container-runtime\"},\"runc\":{\"path\":\"runc\"}}\n");
        fake.on(root("docker", "run", "--rm", "--gpus", "all", "nvidia/cuda:12.4.1-base-ubuntu22.04", "nvidia-smi"))
                .stdout("| NVIDIA-SMI 580.82.07 |\n");
        setup(List.of(Check.pass("nvidia.driver", "580.82.07"))).run(recorder);
        assertThat(events).containsExactly("start requirements", "done requirements", "skip install-source",
                "skip export-source", "skip import", "skip wsl2", "skip docker-engine", "skip nvidia-container-toolkit",
                "skip docker-runtime", "start docker-restart", "done docker-restart", "start gpu-smoke", "done gpu-smoke");
        assertThat(fake.calls()).noneMatch(c -> c.contains("apt-get") || c.contains("--import"));
    }

    @Test
    void itStopsAtTheFirstFailureWithDiagnosisAndRemedy() {
        fake.on("--status").stdoutFixture("status/ok.txt");
        fake.on("--list", "--verbose").stdout("  NAME          STATE           VERSION\r\n* gpu-ubuntu    Stopped"
                + "         1\r\n");
        fake.on("--set-version", "gpu-ubuntu", "2").stderrFixture("errors/vmp-disabled-8793.txt").exit(255);
        assertThatThrownBy(() -> setup(List.of()).run(recorder)).isInstanceOfSatisfying(WslSetupException.class, e -> {
            assertThat(e.step()).isEqualTo("wsl2");
            assertThat(e.diagnosis()).contains("HCS_E_SERVICE_NOT_AVAILABLE");
            assertThat(e.remedy()).contains("--install --no-distribution");
        });
        assertThat(events).endsWith("skip import", "start wsl2", "fail wsl2");
        assertThat(fake.calls()).last().isEqualTo(List.of("--set-version", "gpu-ubuntu", "2"));
    }

    @Test
    void aFailedRequirementStopsBeforeAnythingChanges() {
        fake.on("--status").stdoutFixture("status/ok.txt");
        assertThatThrownBy(() -> setup(List.of(Check.fail("nvidia.driver", "no NVIDIA driver on Windows",
                "install the NVIDIA Windows driver"))).run(recorder)).isInstanceOfSatisfying(WslSetupException.class,
                    e -> {
                        assertThat(e.step()).isEqualTo("requirements");
                        assertThat(e.remedy()).isEqualTo("install the NVIDIA Windows driver");
                    });
        assertThat(fake.calls()).containsExactly(List.of("--status"));
    }

    @Test
    void wslNotInstalledStopsTheRequirementStep() {
        fake.on("--status").stdoutFixture("status/not-installed.txt").exit(50);
        assertThatThrownBy(() -> setup(List.of()).run(recorder)).isInstanceOfSatisfying(WslSetupException.class,
                e -> assertThat(e.remedy()).isEqualTo("wsl.exe --install"));
    }

    @Test
    void aFailingSmokeTestReportsTheContainerError() {
        fake.on("--status").stdoutFixture("status/ok.txt");
        fake.on("--list", "--verbose").stdout("  NAME          STATE           VERSION\r\n* gpu-ubuntu    Running"
                + "         2\r\n");
        fake.on(root("test", "-x", "/usr/bin/dockerd"));
        fake.on(root("nvidia-ctk", "--version"));
        fake.on(root("grep", "-q", "nvidia", "/etc/docker/daemon.json"));
        fake.on(root("docker", "info", "--format", "{{json .Runtimes}}")).stdout("{\"nvidia\":{},\"runc\":{}}\n");
        fake.on(root("docker", "run", "--rm", "--gpus", "all", "nvidia/cuda:12.4.1-base-ubuntu22.04", "nvidia-smi"))
                .stderr(("docker: Error response from daemon: could not select device driver \"\" with capabilities:"
                        + " [[gpu]].\n").getBytes(StandardCharsets.UTF_8)).exit(125);
        assertThatThrownBy(() -> setup(List.of()).run(recorder)).isInstanceOfSatisfying(WslSetupException.class, e -> {
            assertThat(e.step()).isEqualTo("gpu-smoke");
            assertThat(e.diagnosis()).contains("exited with 125").contains("could not select device driver");
            assertThat(e.remedy()).contains("wsl.exe --update");
        });
    }

    @Test
    void theTargetMustNotBeTheStoreDistributionItIsCopiedFrom() {
        assertThatThrownBy(() -> WslGpuDockerSetup.builder(wsl, "ubuntu-22.04", DIR).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
