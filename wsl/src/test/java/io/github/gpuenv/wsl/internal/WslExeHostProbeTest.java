package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.report.WslState;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.spi.WslHostFactProvider;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WslExeHostProbeTest {

    @TempDir
    Path tmp;

    private ProbeContext context(Environment env, CommandRunner runner) {
        DetectOptions options = DetectOptions.builder(env).root(tmp).commandRunner(runner)
                .probeTimeout(Duration.ofSeconds(10)).build();
        return new ProbeContext(FileView.rooted(tmp), runner, env, options);
    }

    @Test
    void onLinuxOutsideWslNothingIsRun() {
        FakeCommandRunner runner = new FakeCommandRunner();
        Fact<WslHost> fact = new WslExeHostProbe().probe(context(new Environment(Map.of(), Map.of("os.name", "Linux")),
                runner));
        assertThat(fact.unknownReason()).contains(Reason.NOT_APPLICABLE);
        assertThat(fact.describe()).contains("WSL does not apply here: wsl.exe is a Windows program");
        assertThat(runner.received()).isEmpty();
    }

    private Path insideWsl(boolean interop) throws java.io.IOException {
        Path root = java.nio.file.Files.createDirectories(tmp.resolve("root"));
        java.nio.file.Files.createDirectories(root.resolve("proc/sys/kernel"));
        java.nio.file.Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "5.15.153.1-microsoft-standard-WSL2\n");
        if (interop) {
            java.nio.file.Files.createDirectories(root.resolve("proc/sys/fs/binfmt_misc"));
            java.nio.file.Files.writeString(root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"), "enabled\n");
        }
        return root;
    }

    private ProbeContext contextAt(Path root, Environment env, CommandRunner runner) {
        DetectOptions options = DetectOptions.builder(env).root(root).commandRunner(runner)
                .probeTimeout(Duration.ofSeconds(10)).build();
        return new ProbeContext(FileView.rooted(root), runner, env, options);
    }

    /** Issue #9 item 7: inside WSL with interop off the host is unknown, and never "WSL not installed". */
    @Test
    void insideWslWithInteropDisabledTheHostIsUnknownNotUninstalled() throws Exception {
        Path root = insideWsl(false);
        Environment env = new Environment(Map.of("WSL_DISTRO_NAME", "Ubuntu", "PATH", "/usr/bin"),
                Map.of("os.name", "Linux"));
        FakeCommandRunner runner = new FakeCommandRunner();
        Fact<WslHost> fact = new WslExeHostProbe().probe(contextAt(root, env, runner));
        assertThat(fact.unknownReason()).contains(Reason.PERMISSION_DENIED);
        assertThat(fact.describe()).contains("inside WSL with interop disabled").contains("wsl.exe cannot be run from here")
                .contains("[interop] enabled=true in /etc/wsl.conf").doesNotContainIgnoringCase("not installed");
        assertThat(runner.received()).isEmpty();
    }

    @Test
    void insideWslAWslExeThatDoesNotStartIsACommandFailureNotUninstalled() throws Exception {
        Path root = insideWsl(true);
        java.nio.file.Files.createDirectories(root.resolve("mnt/c/Windows/System32"));
        java.nio.file.Files.createFile(root.resolve("mnt/c/Windows/System32/wsl.exe"));
        Environment env = new Environment(Map.of("WSL_DISTRO_NAME", "Ubuntu"), Map.of("os.name", "Linux"));
        Fact<WslHost> fact = new WslExeHostProbe().probe(contextAt(root, env, new FakeCommandRunner()));
        assertThat(fact.unknownReason()).contains(Reason.COMMAND_FAILED);
        assertThat(fact.describe()).contains("could not be started through interop")
                .doesNotContainIgnoringCase("not installed");
    }

    @Test
    void insideWslWithInteropTheWslExeOnPathIsRun() throws Exception {
        Path root = insideWsl(true);
        FakeWslExe fake = FakeWslExe.create(tmp.resolve("fake"));
        fake.on("--status").stdoutFixture("status/ok.txt");
        fake.on("--list", "--verbose").stdoutFixture("list/kali-running.txt");
        fake.on("--version").stdoutFixture("version/en-2.7.8.txt");
        Path seen = root.resolve(tmp.resolve("fake").toString().substring(1));
        java.nio.file.Files.createDirectories(seen);
        java.nio.file.Files.createFile(seen.resolve("wsl.exe"));
        Environment env = new Environment(Map.of("WSL_DISTRO_NAME", "Ubuntu", "PATH", "/usr/bin:" + tmp.resolve("fake")),
                Map.of("os.name", "Linux"));
        Fact<WslHost> fact = new WslExeHostProbe().probe(contextAt(root, env, CommandRunner.system()));
        assertThat(fact.value().defaultDistribution()).isEqualTo("Ubuntu");
        assertThat(fake.calls()).contains(List.of("--status"));
    }

    @Test
    void withAConfiguredWslExeItFillsTheHostFromStatusListAndVersion() {
        FakeWslExe fake = FakeWslExe.create(tmp.resolve("fake"));
        fake.on("--status").stdoutFixture("status/ok.txt");
        fake.on("--list", "--verbose").stdoutFixture("list/kali-running.txt");
        fake.on("--version").stdoutFixture("version/en-2.7.8.txt");
        Environment env = new Environment(Map.of("GPUENV_WSL_EXE", fake.path()), Map.of("os.name", "Linux"));
        Fact<WslHost> fact = new WslExeHostProbe().probe(context(env, CommandRunner.system()));
        assertThat(fact.value()).isEqualTo(new WslHost(true, null, "Ubuntu", 2, "2.7.8.0", "6.18.33.1-1", List.of(
                new WslHost.Distribution("kali-linux", WslState.STOPPED, 2, true),
                new WslHost.Distribution("Ubuntu-20.04", WslState.RUNNING, 2, false))));
    }

    @Test
    void notInstalledIsAKnownHostWithItsProblem() {
        FakeWslExe fake = FakeWslExe.create(tmp.resolve("fake"));
        fake.on("--status").stdoutFixture("status/not-installed.txt").exit(50);
        Environment env = new Environment(Map.of("GPUENV_WSL_EXE", fake.path()), Map.of("os.name", "Linux"));
        WslHost host = new WslExeHostProbe().probe(context(env, CommandRunner.system())).value();
        assertThat(host.installed()).isFalse();
        assertThat(host.problem()).isEqualTo(WslProblem.NOT_INSTALLED);
        assertThat(fake.calls()).containsExactly(List.of("--status"));
    }

    @Test
    void registeredForDetectionThroughServiceLoader() {
        assertThat(ServiceLoader.load(WslHostFactProvider.class).stream().map(ServiceLoader.Provider::get)
                .flatMap(p -> p.probes().stream()).map(p -> p.id())).containsExactly("wsl-exe");
        FakeWslExe fake = FakeWslExe.create(tmp.resolve("fake"));
        fake.on("--status").stdoutFixture("status/vmp-disabled.txt");
        fake.on("--list", "--verbose").stdoutFixture("list/podman-machine.txt");
        fake.on("--version").stdoutFixture("version/en-1.2.2.txt");
        // under a fixture root nothing runs unless a runner is given: here the process runner, to start the fake
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder(new Environment(Map.of(),
                Map.of("os.name", "Linux"))).root(tmp).commandRunner(CommandRunner.system()).wslExe(fake.path())
                .probeTimeout(Duration.ofSeconds(10)).deadline(Duration.ofSeconds(20)).build());
        WslHost host = report.wslHost().value();
        assertThat(host.problem()).isEqualTo(WslProblem.VMP_DISABLED);
        assertThat(host.defaultDistribution()).isEqualTo("podman-machine-default");
        assertThat(host.kernelVersion()).isEqualTo("5.15.90.1");
    }
}
