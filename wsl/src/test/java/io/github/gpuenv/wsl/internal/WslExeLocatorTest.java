package io.github.gpuenv.wsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.FakeCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WslExeLocatorTest {

    @TempDir
    Path root;

    private WslExeLocator.Location locate(Optional<String> explicit, Map<String, String> vars, Map<String, String> props) {
        return WslExeLocator.locate(explicit, new Environment(vars, props), FileView.rooted(root));
    }

    @Test
    void windowsDefaultIsSystem32UnderSystemRoot() {
        assertThat(locate(Optional.empty(), Map.of("SystemRoot", "D:\\Win"), Map.of("os.name", "Windows 11")).exe())
                .contains("D:\\Win\\System32\\wsl.exe");
        assertThat(locate(Optional.empty(), Map.of(), Map.of("os.name", "Windows 10")).exe())
                .contains("C:\\Windows\\System32\\wsl.exe");
        assertThat(locate(Optional.empty(), Map.of("PROCESSOR_ARCHITEW6432", "AMD64"),
                Map.of("os.name", "Windows 10", "os.arch", "x86")).exe()).contains("C:\\Windows\\Sysnative\\wsl.exe");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private static final Map<String, String> LINUX = Map.of("os.name", "Linux");

    @Test
    void insideWslWithInteropTheWslExeInteropReachesIsRun() throws Exception {
        assertThat(locate(Optional.empty(), Map.of(), LINUX).kind()).isEqualTo(WslExeLocator.Kind.NOT_APPLICABLE);
        write("proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n");
        write("proc/sys/fs/binfmt_misc/WSLInterop", "enabled\ninterpreter /init\nflags: PF\n");
        write("mnt/c/Windows/System32/wsl.exe", "");
        WslExeLocator.Location l = locate(Optional.empty(), Map.of(), LINUX);
        assertThat(l.exe()).contains("/mnt/c/Windows/System32/wsl.exe");
        assertThat(l.kind()).isEqualTo(WslExeLocator.Kind.INTEROP);
        write("usr/local/winbin/wsl.exe", "");
        assertThat(locate(Optional.empty(), Map.of("PATH", "/usr/bin:/usr/local/winbin"), LINUX).exe())
                .contains("/usr/local/winbin/wsl.exe");
    }

    @Test
    void insideWslWithInteropDisabledNothingIsRunAndTheReasonSaysSo() throws Exception {
        write("proc/sys/kernel/osrelease", "6.1.21-microsoft-custom\n");
        write("mnt/c/Windows/System32/wsl.exe", "");
        WslExeLocator.Location l = locate(Optional.empty(), Map.of("WSL_DISTRO_NAME", "Ubuntu"), LINUX);
        assertThat(l.kind()).isEqualTo(WslExeLocator.Kind.INTEROP_DISABLED);
        assertThat(l.exe()).isEmpty();
        assertThat(l.how()).startsWith("inside WSL with interop disabled").contains("wsl.exe cannot be run from here");
        assertThat(l.problem().remedy()).contains("[interop] enabled=true").contains("/etc/wsl.conf");
        write("proc/sys/fs/binfmt_misc/WSLInterop", "disabled\n");
        assertThat(locate(Optional.empty(), Map.of(), LINUX).kind()).isEqualTo(WslExeLocator.Kind.INTEROP_DISABLED);
    }

    @Test
    void insideWslWithInteropButNoWslExeAnywhereItIsUnreachable() throws Exception {
        write("proc/sys/fs/binfmt_misc/WSLInterop-late", "enabled\n");
        WslExeLocator.Location l = locate(Optional.empty(), Map.of("WSL_DISTRO_NAME", "Ubuntu", "PATH", "/usr/bin"),
                LINUX);
        assertThat(l.kind()).isEqualTo(WslExeLocator.Kind.INTEROP_UNREACHABLE);
        assertThat(l.problem().remedy()).contains("GPUENV_WSL_EXE");
    }

    /** Issue #9 item 7: core's wsl fact and this locator read one rule, so they cannot disagree. */
    @Test
    void theLocatorAndCoresWslFactAgreeOnEveryKernel() throws Exception {
        for (String release : List.of("6.1.21-microsoft-custom", "4.19.128-microsoft-standard",
                "5.15.153.1-microsoft-standard-WSL2", "4.4.0-19041-Microsoft", "6.8.0-49-generic", "5.15.0-1034-azure")) {
            write("proc/sys/kernel/osrelease", release + "\n");
            Environment env = new Environment(Map.of(), LINUX);
            boolean core = GpuEnv.detect(DetectOptions.builder(env).root(root).commandRunner(new FakeCommandRunner())
                    .skipProbe("wsl-exe").build()).wsl().value().inside();
            boolean locator = WslExeLocator.locate(Optional.empty(), env, FileView.rooted(root)).insideWsl();
            assertThat(locator).as(release).isEqualTo(core);
            assertThat(core).as(release).isEqualTo(!release.contains("generic") && !release.contains("azure"));
        }
    }

    @Test
    void configuredWinsPropertyOverVariableOptionOverBoth() {
        Map<String, String> vars = Map.of("GPUENV_WSL_EXE", "/from/variable");
        assertThat(locate(Optional.empty(), vars, Map.of("os.name", "Linux")).exe()).contains("/from/variable");
        assertThat(locate(Optional.empty(), vars, Map.of("os.name", "Linux", "gpuenv.wsl-exe", "/from/property")).exe())
                .contains("/from/property");
        assertThat(locate(Optional.of("/from/option"), vars, Map.of("os.name", "Mac OS X")).configured()).isTrue();
        assertThat(locate(Optional.empty(), Map.of(), Map.of("os.name", "Mac OS X")).how())
                .contains("not Windows and not inside WSL");
    }
}
