package io.github.gpuenv.wsl;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.gpuenv.report.WslProblem;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Wsl} against a fake wsl.exe that is a real executable replaying recorded bytes. */
class WslTest {

    @TempDir
    Path tmp;
    FakeWslExe fake;
    Wsl wsl;

    @BeforeEach
    void setUp() {
        fake = FakeWslExe.create(tmp.resolve("fake dir with spaces"));
        wsl = Wsl.local(WslOptions.builder().wslExe(fake.path()).build());
    }

    @Test
    void listReplaysUtf16AndSetsWslUtf8() {
        fake.on("--list", "--verbose").stdoutFixture("list/intellij-utf16le.bin");
        List<WslDistribution> all = wsl.list();
        assertThat(all).extracting(WslDistribution::name)
                .containsExactly("Ubuntu-20.04", "docker-desktop", "docker-desktop-data", "Ubuntu-18.04");
        assertThat(fake.calls()).containsExactly(List.of("--list", "--verbose"));
        assertThat(fake.wslUtf8Values()).containsExactly("1");
    }

    @Test
    void dockerDesktopDistributionsLeftOutOnRequest() {
        fake.on("--list", "--verbose").stdoutFixture("list/intellij-utf8.txt");
        assertThat(wsl.listWithoutDockerDesktop()).extracting(WslDistribution::name)
                .containsExactly("Ubuntu-20.04", "Ubuntu-18.04");
    }

    @Test
    void noDistributionsWithTheErrorCodeIsAnEmptyList() {
        fake.on("--list", "--verbose").stderrFixture("errors/no-distributions-9179.txt").exit(255);
        assertThat(wsl.list()).isEmpty();
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void noDistributionsWithoutTheCodeIsConfirmedByListQuiet() {
        fake.on("--list", "--verbose").stderrFixture("errors/no-distributions-without-code.txt").exit(255);
        fake.on("--list", "--quiet");
        assertThat(wsl.list()).isEmpty();
        assertThat(fake.calls()).containsExactly(List.of("--list", "--verbose"), List.of("--list", "--quiet"));
    }

    @Test
    void anUnexplainedListFailureIsNotMistakenForNoDistributions() {
        fake.on("--list", "--verbose").stderr("something else".getBytes(StandardCharsets.UTF_8)).exit(255);
        fake.on("--list", "--quiet").stdout("Ubuntu\r\n").exit(0);
        assertThatThrownBy(wsl::list).isInstanceOf(WslCommandException.class)
                .hasMessageContaining("exited with 255");
    }

    @Test
    void unrecognizedListOutputThrowsInsteadOfReturningNothing() {
        fake.on("--list", "--verbose").stdout(new String(FakeWslExe.fixture("list/intellij-utf16le.bin"),
                StandardCharsets.UTF_8).replace("\0", "").replace("NAME", "").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(wsl::list).isInstanceOf(WslCommandException.class)
                .hasMessageContaining("unrecognized");
    }

    @Test
    void statusVariantsThroughTheProcess() {
        fake.on("--status").stdoutFixture("status/ok-utf16le.bin");
        WslStatus ok = wsl.status();
        assertThat(ok.installed()).isTrue();
        assertThat(ok.defaultDistribution()).isEqualTo("Ubuntu");
        assertThat(ok.defaultVersion()).isEqualTo(2);
    }

    @Test
    void statusNotInstalledKernelMissingAndVmpDisabled() {
        FakeWslExe notInstalled = FakeWslExe.create(tmp.resolve("a"));
        notInstalled.on("--status").stdoutFixture("status/not-installed.txt").exit(50);
        assertThat(at(notInstalled).status().problem()).isEqualTo(WslProblem.NOT_INSTALLED);
        FakeWslExe kernel = FakeWslExe.create(tmp.resolve("b"));
        kernel.on("--status").stdoutFixture("status/kernel-missing.txt").exit(0x44);
        assertThat(at(kernel).status().problem()).isEqualTo(WslProblem.KERNEL_MISSING);
        FakeWslExe vmp = FakeWslExe.create(tmp.resolve("c"));
        vmp.on("--status").stdoutFixture("status/vmp-disabled.txt").exit(0);
        assertThat(at(vmp).status().problem()).isEqualTo(WslProblem.VMP_DISABLED);
        assertThat(at(vmp).status().installed()).isTrue();
    }

    @Test
    void aMissingWslExeIsANotInstalledStatusAndANotInstalledException() {
        Wsl missing = Wsl.local(WslOptions.builder().wslExe(tmp.resolve("nope/wsl.exe").toString()).build());
        assertThat(missing.status().problem()).isEqualTo(WslProblem.NOT_INSTALLED);
        assertThatThrownBy(missing::list).isInstanceOf(WslNotInstalledException.class)
                .hasMessageContaining("wsl.exe was not found").hasMessageContaining("wsl.exe --install");
    }

    @Test
    void versionByLabelAndInboxFailure() {
        fake.on("--version").stdoutFixture("version/en-2.7.8-utf16le-bom.bin");
        assertThat(wsl.version().kernelVersion()).isEqualTo("6.18.33.1-1");
        FakeWslExe inbox = FakeWslExe.create(tmp.resolve("inbox"));
        inbox.on("--version").stdoutFixture("version/inbox-usage.txt").exit(0);
        assertThatThrownBy(() -> at(inbox).version()).isInstanceOf(WslCommandException.class)
                .hasMessageContaining("wsl.exe --update");
    }

    @Test
    void distroNotFoundIsTypedFromALocalizedMessage() {
        fake.on("--terminate", "Ghost").stderrFixture("errors/distro-not-found-zh-utf16le.bin").exit(255);
        assertThatThrownBy(() -> wsl.terminate("Ghost")).isInstanceOfSatisfying(
                WslDistributionNotFoundException.class, e -> {
                    assertThat(e.distribution()).isEqualTo("Ghost");
                    assertThat(e.exitCode()).contains(255);
                    assertThat(e.errorCode()).contains("Wsl/Service/WSL_E_DISTRO_NOT_FOUND");
                    assertThat(e.stderr()).contains("不存在具有所提供名称的分发");
                    assertThat(e.argv()).containsExactly(fake.path(), "--terminate", "Ghost");
                    assertThat(e.remedy()).contains("--list --verbose");
                });
    }

    @Test
    void virtualizationDisabledOnImportIsTyped() {
        String dir = "C:\\WSL\\My GPU; distro & co";
        String tar = "D:\\Backups\\\"quoted\" Ärger\\ubuntu.tar";
        fake.on("--import", "gpu-ubuntu", dir, tar, "--version", "2")
                .stdoutFixture("errors/vmp-disabled-fr-import.txt").exit(255);
        assertThatThrownBy(() -> wsl.importDistribution("gpu-ubuntu", dir, tar))
                .isInstanceOf(WslVirtualizationDisabledException.class)
                .hasMessageContaining("HCS_E_SERVICE_NOT_AVAILABLE")
                .hasMessageContaining("--install --no-distribution");
        assertThat(fake.calls()).containsExactly(List.of("--import", "gpu-ubuntu", dir, tar, "--version", "2"));
    }

    @Test
    void everyManagementCallPassesItsArgvUnchanged() {
        fake.on("--install", "-d", "Ubuntu-22.04", "--no-launch", "--web-download");
        fake.on("--export", "Ubuntu-22.04", "E:\\back ups\\ü & ; 'x'.tar");
        fake.on("--terminate", "Ubuntu-22.04");
        fake.on("--shutdown");
        fake.on("--set-version", "Ubuntu-22.04", "2");
        fake.on("--set-default", "Ubuntu-22.04");
        fake.on("--update");
        fake.on("--unregister", "Ubuntu-22.04");
        wsl.install("Ubuntu-22.04", true);
        wsl.export("Ubuntu-22.04", "E:\\back ups\\ü & ; 'x'.tar");
        wsl.terminate("Ubuntu-22.04");
        wsl.shutdown();
        wsl.setVersion("Ubuntu-22.04", 2);
        wsl.setDefault("Ubuntu-22.04");
        wsl.update(false);
        wsl.unregister("Ubuntu-22.04", WslConfirmation.deleteAllFilesOf("Ubuntu-22.04"));
        assertThat(fake.calls()).containsExactly(
                List.of("--install", "-d", "Ubuntu-22.04", "--no-launch", "--web-download"),
                List.of("--export", "Ubuntu-22.04", "E:\\back ups\\ü & ; 'x'.tar"),
                List.of("--terminate", "Ubuntu-22.04"),
                List.of("--shutdown"),
                List.of("--set-version", "Ubuntu-22.04", "2"),
                List.of("--set-default", "Ubuntu-22.04"),
                List.of("--update"),
                List.of("--unregister", "Ubuntu-22.04"));
    }

    @Test
    void unregisterWithoutAMatchingConfirmationAndInvalidNamesRunNothing() {
        assertThatThrownBy(() -> wsl.unregister("Ubuntu", WslConfirmation.deleteAllFilesOf("Debian")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleteAllFilesOf(\"Ubuntu\")");
        assertThatThrownBy(() -> wsl.terminate("Ubuntu Ärger")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid WSL distribution name 'Ubuntu Ärger'");
        assertThatThrownBy(() -> wsl.terminate("x;rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void runHandsEveryArgumentOverAsIsAndReturnsTheCommandsExitCode() {
        List<String> cmd = List.of("printf", "%s|", "a b", "\"q\"", "x;y", "p&q", "Ärger", "", "new\nline");
        List<String> expected = new java.util.ArrayList<>(List.of("-d", "Ubuntu", "-u", "root", "--cd", "/tmp/a b",
                "--exec"));
        expected.addAll(cmd);
        fake.on(expected).stdout("out\n").stderr("err\n".getBytes(StandardCharsets.UTF_8)).exit(3);
        WslRunResult r = wsl.run(WslRun.in("Ubuntu").user("root").workingDirectory("/tmp/a b").command(cmd).build());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdoutText()).isEqualTo("out\n");
        assertThat(r.stderrText()).isEqualTo("err\n");
        assertThat(fake.calls()).containsExactly(expected);
    }

    @Test
    void runWritesStdinAndStreamsLines() {
        fake.on("-d", "Ubuntu", "--exec", "cat").recordStdin().stdout("line 1\r\nline 2\nlast").stderr(
                "warn\n".getBytes(StandardCharsets.UTF_8));
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        WslRunResult r = wsl.run(WslRun.in("Ubuntu").command("cat").stdin("hello\n".getBytes(StandardCharsets.UTF_8))
                .build(), WslOutputListener.of(out::add, err::add));
        assertThat(r.exitCode()).isZero();
        assertThat(out).containsExactly("line 1", "line 2", "last");
        assertThat(err).containsExactly("warn");
        assertThat(new String(fake.stdinOf(0), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void runInAMissingDistributionThrowsButACommandExiting255DoesNot() {
        fake.on("-d", "Ghost", "--exec", "true").stderrFixture("errors/distro-not-found-en.txt").exit(255);
        assertThatThrownBy(() -> wsl.run(WslRun.in("Ghost").command("true").build()))
                .isInstanceOf(WslDistributionNotFoundException.class);
        fake.on("-d", "Ubuntu", "--exec", "sh", "-c", "exit 255").exit(255);
        assertThat(wsl.run(WslRun.in("Ubuntu").command("sh", "-c", "exit 255").build()).exitCode()).isEqualTo(255);
    }

    @Test
    void aHangingWslExeIsKilledAtItsLimit() {
        fake.on("--shutdown").sleepSeconds(30);
        Wsl impatient = Wsl.local(WslOptions.builder().wslExe(fake.path())
                .timeout(WslOperation.SHUTDOWN, Duration.ofMillis(500)).build());
        assertThatThrownBy(impatient::shutdown).isInstanceOf(WslTimeoutException.class)
                .hasMessageContaining("WslOperation.SHUTDOWN");
        fake.on("-d", "Ubuntu", "--exec", "sleep").sleepSeconds(30);
        assertThatThrownBy(() -> wsl.run(WslRun.in("Ubuntu").command("sleep").timeout(Duration.ofMillis(500)).build(),
                WslOutputListener.of(l -> { }, l -> { }))).isInstanceOf(WslTimeoutException.class);
    }

    @Test
    void notApplicableOutsideWindowsAndWslRunsNothing() {
        Wsl none = Wsl.local(WslOptions.builder(new io.github.gpuenv.system.Environment(java.util.Map.of(),
                java.util.Map.of("os.name", "Mac OS X"))).build());
        assertThat(none.isApplicable()).isFalse();
        assertThat(none.status().installed()).isFalse();
        assertThatThrownBy(none::list).isInstanceOf(WslNotInstalledException.class)
                .hasMessageContaining("not Windows and not inside WSL");
    }

    private static Wsl at(FakeWslExe f) {
        return Wsl.local(WslOptions.builder().wslExe(f.path()).build());
    }
}
