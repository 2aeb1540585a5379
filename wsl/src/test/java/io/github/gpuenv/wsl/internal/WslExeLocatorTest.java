package io.github.gpuenv.wsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void insideWslUsesInteropByVariableOrOsRelease() throws Exception {
        assertThat(locate(Optional.empty(), Map.of("WSL_DISTRO_NAME", "Ubuntu"), Map.of("os.name", "Linux")).exe())
                .contains("wsl.exe");
        assertThat(locate(Optional.empty(), Map.of(), Map.of("os.name", "Linux")).exe()).isEmpty();
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "5.15.153.1-microsoft-standard-WSL2\n");
        WslExeLocator.Location l = locate(Optional.empty(), Map.of(), Map.of("os.name", "Linux"));
        assertThat(l.exe()).contains("wsl.exe");
        assertThat(l.how()).isEqualTo("interop");
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
