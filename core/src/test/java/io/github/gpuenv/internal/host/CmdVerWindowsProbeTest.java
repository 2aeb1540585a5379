package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code cmd.exe /c ver} from inside WSL fails: every outcome has its own reason. */
class CmdVerWindowsProbeTest {

    private static final Path ROOT = Fixtures.path("wsl2-5.15/root");
    private static final List<String> VER = HostFixtureDetectTest.VER;

    private static Fact<WindowsHost> probe(Path root, Environment env, FakeCommandRunner runner) {
        DetectOptions options = DetectOptions.builder(env).root(root).commandRunner(runner).build();
        return new CmdVerWindowsProbe().probe(new ProbeContext(FileView.rooted(root), runner, env, options));
    }

    private static String detail(Fact<?> fact) {
        return ((Fact.Unknown<?>) fact).detail();
    }

    @Test
    void timeoutIsShorterThanTheProbeTimeout() {
        FakeCommandRunner runner = new FakeCommandRunner().on(VER,
                r -> CommandResult.failed(r.argv(), CommandResult.Outcome.TIMED_OUT, r.timeout(), "after 2s"));
        Fact<WindowsHost> fact = probe(ROOT, HostFixtureDetectTest.wslLinux(), runner);
        assertThat(fact.unknownReason()).contains(Reason.TIMED_OUT);
        assertThat(detail(fact)).isEqualTo("/mnt/c/Windows/System32/cmd.exe /c ver timed out (after 2s)");
        CommandRequest request = runner.received().get(0);
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nonZeroExitIsCommandFailed() {
        FakeCommandRunner runner = new FakeCommandRunner().on(VER, 1, new byte[0],
                "<3>WSL (123) ERROR: UtilAcceptVsock:250: accept4 failed 110\n".getBytes(StandardCharsets.UTF_8));
        Fact<WindowsHost> fact = probe(ROOT, HostFixtureDetectTest.wslLinux(), runner);
        assertThat(fact.unknownReason()).contains(Reason.COMMAND_FAILED);
        assertThat(detail(fact)).contains("exit 1: <3>WSL (123) ERROR: UtilAcceptVsock");
    }

    @Test
    void interopDisabledCannotExecute() {
        FakeCommandRunner runner = new FakeCommandRunner().on(VER,
                r -> CommandResult.failed(r.argv(), CommandResult.Outcome.FAILED, Duration.ZERO, "error=8, Exec format error"));
        assertThat(probe(ROOT, HostFixtureDetectTest.wslLinux(), runner).unknownReason())
                .contains(Reason.COMMAND_FAILED);
    }

    @Test
    void unrecognizedOutputQuotesWhatWasPrinted() {
        FakeCommandRunner runner = new FakeCommandRunner().on(VER, "\r\nsomething else entirely\u0007\r\n");
        Fact<WindowsHost> fact = probe(ROOT, HostFixtureDetectTest.wslLinux(), runner);
        assertThat(fact.unknownReason()).contains(Reason.UNRECOGNIZED_OUTPUT);
        assertThat(detail(fact)).isEqualTo(
                "no Windows build number in the output of cmd.exe /c ver: \"something else entirely\"");
        FakeCommandRunner empty = new FakeCommandRunner().on(VER, "");
        assertThat(detail(probe(ROOT, HostFixtureDetectTest.wslLinux(), empty))).endsWith(": (empty)");
    }

    @Test
    void cmdExeIsTakenFromPathFirst(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "5.15.153.1-microsoft-standard-WSL2\n");
        Files.createDirectories(root.resolve("mnt/c/WINDOWS/system32"));
        Files.createFile(root.resolve("mnt/c/WINDOWS/system32/cmd.exe"));
        Files.createDirectories(root.resolve("proc/sys/fs/binfmt_misc"));
        Files.writeString(root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"), "enabled\n");
        List<String> argv = List.of("/mnt/c/WINDOWS/system32/cmd.exe", "/c", "ver");
        FakeCommandRunner runner = new FakeCommandRunner().on(argv, "Microsoft Windows [Version 10.0.22631.4602]");
        Fact<WindowsHost> fact = probe(root, HostFixtureDetectTest.wslLinux(), runner);
        assertThat(fact.value()).isEqualTo(new WindowsHost("10.0.22631.4602", "Windows 11", 22631, 4602, "", "ver"));
    }

    @Test
    void notRunWhenInteropIsDisabled(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.1.21-microsoft-custom\n");
        Files.createDirectories(root.resolve("mnt/c/Windows/System32"));
        Files.createFile(root.resolve("mnt/c/Windows/System32/cmd.exe"));
        FakeCommandRunner runner = new FakeCommandRunner();
        Fact<WindowsHost> fact = probe(root, HostFixtureDetectTest.wslLinux(), runner);
        assertThat(fact.unknownReason()).contains(Reason.PERMISSION_DENIED);
        assertThat(detail(fact)).startsWith("inside WSL with interop disabled").contains("[interop] enabled=true");
        assertThat(runner.received()).isEmpty();
    }

    @Test
    void withInteropButNoCmdExeAnywhereItIsNotFound(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("proc/sys/fs/binfmt_misc"));
        Files.writeString(root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"), "enabled\n");
        Fact<WindowsHost> fact = probe(root, HostFixtureDetectTest.wslLinux(), new FakeCommandRunner());
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(detail(fact)).startsWith("cmd.exe is neither on PATH nor at /mnt/c/Windows/System32/cmd.exe");
    }

    @Test
    void notRunOutsideWsl() {
        FakeCommandRunner runner = new FakeCommandRunner();
        Fact<WindowsHost> fact = probe(Fixtures.path("bare-linux-debian12/root"),
                HostFixtureDetectTest.linux(Map.of()), runner);
        assertThat(fact.unknownReason()).contains(Reason.NOT_APPLICABLE);
        assertThat(runner.received()).isEmpty();
    }
}
