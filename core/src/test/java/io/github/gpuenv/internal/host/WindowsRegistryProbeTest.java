package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.probe.DetectionRunner;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.FakeCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Windows side of the host facts, through the real {@link DetectionRunner} with recorded registry values. The
 * registry probes read the live machine, so they run only under the live root {@code /} (under a fixture root they
 * are replayed or skipped: {@code FixtureRootRuleTest}); with a Windows or macOS {@code os.name} no other probe of
 * these chains reads a file or runs a command.
 */
class WindowsRegistryProbeTest {

    private static final Path LIVE = Path.of("/");

    private Map<String, io.github.gpuenv.report.Fact<?>> detect(String osName, String osVersion,
                                                        Optional<WindowsRegistry> registry) {
        Environment env = new Environment(Map.of(), Map.of("os.name", osName, "os.version", osVersion,
                "os.arch", "amd64"));
        DetectOptions options = DetectOptions.builder(env).root(LIVE).commandRunner(new FakeCommandRunner())
                .build();
        ProbeContext context = new ProbeContext(FileView.rooted(LIVE), options.commandRunner(), env, options);
        return new DetectionRunner(context).run(List.of(HostFacts.os(() -> registry),
                HostFacts.windows(() -> registry), HostFacts.wsl()));
    }

    @Test
    void windows11ReportsItselfAsWindows10InProductNameAndIsNamedFromTheBuild() {
        var facts = detect("Windows 10", "10.0", Optional.of(RecordedWindowsRegistry.WINDOWS_11_24H2));
        assertThat(facts.get("os")).isEqualTo(Fact.known(new OperatingSystem(OsFamily.WINDOWS, "Windows 11 Pro",
                "10.0.26100.2894", "10.0", "amd64"), "registry"));
        assertThat(facts.get("windows")).isEqualTo(Fact.known(new WindowsHost("10.0.26100.2894", "Windows 11", 26100,
                2894, "24H2", "registry"), "registry"));
        assertThat(facts.get("wsl")).isEqualTo(Fact.known(WslEnvironment.outside(), "procfs"));
    }

    @Test
    void serverKeepsItsNameAndFallsBackToReleaseId() {
        var facts = detect("Windows Server 2016", "10.0", Optional.of(RecordedWindowsRegistry.SERVER_2016));
        assertThat(facts.get("os").toOptional()).map(o -> ((OperatingSystem) o).name())
                .contains("Windows Server 2016 Datacenter");
        assertThat(facts.get("windows")).isEqualTo(Fact.known(new WindowsHost("10.0.14393.2580", "Windows 10", 14393,
                2580, "1607", "registry"), "registry"));
    }

    @Test
    void withoutARegistryTheOsComesFromJavaAndTheBuildIsNotFound() {
        var facts = detect("Windows 11", "10.0", Optional.empty());
        assertThat(facts.get("os")).isEqualTo(Fact.known(new OperatingSystem(OsFamily.WINDOWS, "Windows 11", "10.0",
                "10.0", "amd64"), "java"));
        assertThat(facts.get("windows").unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(((Fact.Unknown<?>) facts.get("windows")).detail())
                .startsWith("the Windows registry cannot be read from this JVM");
    }

    @Test
    void aRegistryWithoutCurrentBuildNumberIsNotFound() {
        var facts = detect("Windows 10", "10.0", Optional.of(RecordedWindowsRegistry.EMPTY));
        assertThat(((Fact.Unknown<?>) facts.get("windows")).detail())
                .startsWith("no numeric CurrentBuildNumber under HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
        assertThat(facts.get("os").toOptional()).map(o -> ((OperatingSystem) o).name()).contains("Windows 10");
    }

    @Test
    void macOsIsNeitherWindowsNorWsl() {
        var facts = detect("Mac OS X", "14.5", Optional.of(RecordedWindowsRegistry.WINDOWS_11_24H2));
        assertThat(facts.get("os")).isEqualTo(Fact.known(new OperatingSystem(OsFamily.MACOS, "Mac OS X", "14.5", "",
                "amd64"), "java"));
        assertThat(facts.get("windows").unknownReason()).contains(Reason.NOT_APPLICABLE);
        assertThat(facts.get("wsl")).isEqualTo(Fact.known(WslEnvironment.outside(), "procfs"));
    }

    @Test
    void editionNameOnlyRewritesWindows10FromBuild22000() {
        assertThat(WindowsCurrentVersion.editionName("Windows 10 Pro", 22000)).isEqualTo("Windows 11 Pro");
        assertThat(WindowsCurrentVersion.editionName("Windows 10 Pro", 21999)).isEqualTo("Windows 10 Pro");
        assertThat(WindowsCurrentVersion.editionName("Windows Server 2025 Datacenter", 26100))
                .isEqualTo("Windows Server 2025 Datacenter");
    }

    @Test
    void theJnaRegistryIsOnlyCreatedOnWindows() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        assertThat(JnaWindowsRegistry.onWindows().isPresent()).isEqualTo(windows);
    }
}
