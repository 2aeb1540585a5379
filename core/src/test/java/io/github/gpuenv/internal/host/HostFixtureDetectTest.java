package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.json.ReportJson;
import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GpuEnv.detect} over each host fixture root: the exact os, windows and wsl facts, and the host checks. */
class HostFixtureDetectTest {

    static final List<String> VER = List.of("/mnt/c/Windows/System32/cmd.exe", "/c", "ver");
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/mnt/c/WINDOWS/system32";
    static final List<String> WSL_LIBS = List.of("libcuda.so", "libcuda.so.1", "libcuda.so.1.1", "libdxcore.so",
            "libnvidia-ml.so.1", "nvidia-smi");

    /** A Linux process environment that does not depend on the machine running the test. */
    static Environment linux(Map<String, String> variables) {
        Map<String, String> vars = new HashMap<>(variables);
        vars.putIfAbsent("PATH", PATH);
        return new Environment(vars, Map.of("os.name", "Linux", "os.arch", "amd64", "os.version", "9.9.9-java"));
    }

    static Environment wslLinux() {
        return linux(Map.of("WSL_DISTRO_NAME", "Ubuntu", "WSL_INTEROP", "/run/WSL/1_interop"));
    }

    /** Scripts {@code ldconfig -p} and {@code cmd.exe /c ver} with the fixture's captures, where it has them. */
    static FakeCommandRunner runnerFor(String fixture) {
        FakeCommandRunner runner = new FakeCommandRunner();
        if (Fixtures.class.getResource("/fixtures/" + fixture + "/cmd/ldconfig-p.txt") != null) {
            runner.onFile(List.of("ldconfig", "-p"), Fixtures.path(fixture + "/cmd/ldconfig-p.txt"));
        }
        if (Fixtures.class.getResource("/fixtures/" + fixture + "/cmd/ver.txt") != null) {
            runner.onFile(VER, Fixtures.path(fixture + "/cmd/ver.txt"));
        }
        return runner;
    }

    static GpuEnvReport detect(String fixture, Environment env, FakeCommandRunner runner) {
        return GpuEnv.detect(DetectOptions.builder(env).root(Fixtures.path(fixture + "/root")).commandRunner(runner)
                .build());
    }

    static Check check(GpuEnvReport report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in " + report.checks()));
    }

    @Test
    void wsl1() {
        FakeCommandRunner runner = runnerFor("wsl1");
        GpuEnvReport report = detect("wsl1", wslLinux(), runner);

        assertThat(report.os().value()).isEqualTo(new OperatingSystem(OsFamily.LINUX,
                "Debian GNU/Linux 12 (bookworm)", "12", "4.4.0-19041-Microsoft", "amd64"));
        assertThat(report.wsl().value()).isEqualTo(new WslEnvironment(true, 1, "4.4.0-19041-Microsoft", "Ubuntu",
                false, false, List.of(), List.of(), true));
        assertThat(report.windows().unknownReason()).contains(Reason.PERMISSION_DENIED);
        assertThat(report.windows().describe()).contains("inside WSL with interop disabled");
        assertThat(hostCommands(runner)).extracting(CommandRequest::argv).containsExactly(List.of("ldconfig", "-p"));

        Check build = check(report, "windows.build");
        assertThat(build.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(build.blocking()).isFalse();
        Check version = check(report, "wsl.version");
        assertThat(version.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(version.message()).isEqualTo(
                "distro Ubuntu runs under WSL 1 (kernel 4.4.0-19041-Microsoft), which has no GPU support");
        assertThat(version.remedy()).isEqualTo("in Windows run `wsl --set-version Ubuntu 2`");
        assertThat(check(report, "wsl.kernel").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(report, "wsl.lib-shadowing").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(report, "wsl.gpu-paravirtualization").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.ready()).isFalse();
    }

    @Test
    void wsl2WithA419KernelFromProcVersionAndRunWslMarker() {
        // no WSL_* variables: being inside rests on /run/WSL, the release having no "WSL" in it
        FakeCommandRunner runner = runnerFor("wsl2-4.19");
        GpuEnvReport report = detect("wsl2-4.19", linux(Map.of()), runner);

        String kernel = "4.19.128-microsoft-standard";
        assertThat(report.os().value().kernel()).isEqualTo(kernel);
        assertThat(report.wsl().value()).isEqualTo(new WslEnvironment(true, 2, kernel, "", true, true, WSL_LIBS,
                List.of(), true));
        assertThat(report.windows().value()).isEqualTo(
                new WindowsHost("10.0.19044.1586", "Windows 10", 19044, 1586, "", "ver"));
        assertThat(report.windows().toOptional()).isPresent();
        assertThat(hostCommands(runner)).extracting(CommandRequest::argv)
                .containsExactlyInAnyOrder(List.of("ldconfig", "-p"), VER);
        assertThat(hostCommands(runner)).allSatisfy(r -> assertThat(r.timeout()).isLessThan(
                DetectOptions.builder(linux(Map.of())).build().probeTimeout()));

        assertThat(check(report, "windows.build").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(report, "wsl.version").message()).isEqualTo(
                "this distro runs under WSL 2 (kernel 4.19.128-microsoft-standard)");
        Check kernelCheck = check(report, "wsl.kernel");
        assertThat(kernelCheck.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(kernelCheck.message()).isEqualTo(
                "WSL kernel 4.19.128-microsoft-standard is older than 5.10.43, the lowest that runs CUDA");
        assertThat(kernelCheck.remedy()).startsWith("in Windows run `wsl --update`");
        assertThat(check(report, "wsl.lib-shadowing").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(report, "wsl.gpu-paravirtualization").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aLowercaseMicrosoftKernelWithoutAnyWslMarkerIsWslWithInteropOff(@TempDir Path root) throws IOException {
        // the 4.19 release (no "WSL" in it) without /run/WSL, binfmt entry or WSL_* variables: e.g. a container on
        // a WSL 2 kernel. One rule (WslDetection): a "microsoft" kernel is WSL's; without the interop entry no
        // Windows program is run.
        Files.createDirectories(root.resolve("proc"));
        Files.copy(Fixtures.path("wsl2-4.19/root/proc/version"), root.resolve("proc/version"));
        FakeCommandRunner runner = new FakeCommandRunner();
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder(linux(Map.of())).root(root).commandRunner(runner)
                .build());
        assertThat(report.wsl().value()).extracting(WslEnvironment::inside, WslEnvironment::version)
                .containsExactly(true, 2);
        assertThat(report.windows().unknownReason()).contains(Reason.PERMISSION_DENIED);
        assertThat(report.windows().describe()).contains("inside WSL with interop disabled");
        assertThat(hostCommands(runner)).noneMatch(r -> r.argv().get(0).contains("cmd.exe"));

        GpuEnvReport withVariable = GpuEnv.detect(DetectOptions.builder(linux(Map.of("WSL_DISTRO_NAME", "Debian")))
                .root(root).commandRunner(runner).build());
        assertThat(withVariable.wsl().value().inside()).isTrue();
        assertThat(withVariable.wsl().value().distro()).isEqualTo("Debian");
    }

    @Test
    void wsl2With515KernelIsHealthy() {
        FakeCommandRunner runner = runnerFor("wsl2-5.15");
        GpuEnvReport report = detect("wsl2-5.15", wslLinux(), runner);

        String kernel = "5.15.153.1-microsoft-standard-WSL2";
        assertThat(report.os().value()).isEqualTo(
                new OperatingSystem(OsFamily.LINUX, "Ubuntu 24.04.3 LTS", "24.04", kernel, "amd64"));
        assertThat(report.wsl().value()).isEqualTo(new WslEnvironment(true, 2, kernel, "Ubuntu", true, true, WSL_LIBS,
                List.of(), true));
        assertThat(report.windows().value()).isEqualTo(
                new WindowsHost("10.0.19045.3803", "Windows 10", 19045, 3803, "", "ver"));
        assertThat(report.checks()).filteredOn(c -> c.id().startsWith("wsl.") || c.id().startsWith("windows."))
                .extracting(Check::id, Check::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("windows.build", CheckStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("wsl.version", CheckStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("wsl.kernel", CheckStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("wsl.lib-shadowing", CheckStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("wsl.gpu-paravirtualization", CheckStatus.PASS));
        assertThat(check(report, "windows.build").message()).isEqualTo("Windows 10 build 19045.3803 (from ver) is "
                + "newer than Windows 10 19044.1200, the lowest that runs CUDA in WSL 2");
    }

    @Test
    void thresholdsComeFromDetectOptions() {
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder(wslLinux())
                .root(Fixtures.path("wsl2-5.15/root")).commandRunner(runnerFor("wsl2-5.15"))
                .minWindows10Build("19045.4000").minWslKernel("6.1").build());
        assertThat(check(report, "windows.build").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(report, "windows.build").message()).contains("older than Windows 10 19045.4000");
        assertThat(check(report, "wsl.kernel").message()).isEqualTo(
                "WSL kernel 5.15.153.1-microsoft-standard-WSL2 is older than 6.1, the lowest that runs CUDA");
    }

    @Test
    void customKernelWithoutDxgAndWithoutLdconfig() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .onFile(VER, Fixtures.path("wsl2-6.6-custom/cmd/ver.txt")); // ldconfig: not found anywhere
        GpuEnvReport report = detect("wsl2-6.6-custom", wslLinux(), runner);

        String kernel = "6.6.84.1-microsoft-standard-WSL2+";
        assertThat(report.wsl().value()).isEqualTo(new WslEnvironment(true, 2, kernel, "Ubuntu", false, false,
                WSL_LIBS, List.of(), false));
        assertThat(report.windows().value()).isEqualTo(
                new WindowsHost("10.0.26100.4349", "Windows 11", 26100, 4349, "", "ver"));
        assertThat(runner.received()).extracting(CommandRequest::argv).contains(List.of("ldconfig", "-p"),
                List.of("/sbin/ldconfig", "-p"));

        assertThat(check(report, "windows.build").message()).startsWith("Windows 11 build 26100.4349");
        assertThat(check(report, "wsl.kernel").status()).isEqualTo(CheckStatus.PASS);
        Check shadowing = check(report, "wsl.lib-shadowing");
        assertThat(shadowing.status()).isEqualTo(CheckStatus.WARN);
        assertThat(shadowing.remedy()).contains("ldconfig -p | grep");
        Check paravirt = check(report, "wsl.gpu-paravirtualization");
        assertThat(paravirt.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(paravirt.message()).isEqualTo("GPU paravirtualization is missing in WSL 2: no /dev/dxg");
        assertThat(paravirt.remedy()).contains("wsl --update").contains("wsl --shutdown").contains("NVIDIA driver");
    }

    @Test
    void shadowedLibrariesAreFoundOnce() {
        GpuEnvReport report = detect("wsl2-shadowed", wslLinux(), runnerFor("wsl2-shadowed"));

        assertThat(report.wsl().value().shadowingLibraries())
                .containsExactly("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1");
        assertThat(report.wsl().value().gpuParavirtualization()).isTrue();
        assertThat(report.windows().value()).isEqualTo(
                new WindowsHost("10.0.17763.2628", "Windows 10", 17763, 2628, "1809", "ver"));
        Check shadowing = check(report, "wsl.lib-shadowing");
        assertThat(shadowing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(shadowing.blocksReadiness()).isTrue();
        assertThat(shadowing.message()).startsWith(
                "Linux driver libraries shadow /usr/lib/wsl/lib: /usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1 (");
        assertThat(shadowing.remedy()).contains("sudo apt remove --purge 'libnvidia-compute-*' 'nvidia-utils-*'")
                .contains("D5/D16");
        Check build = check(report, "windows.build");
        assertThat(build.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(build.message()).isEqualTo("Windows 10 build 17763.2628 (1809, from ver) is older than "
                + "Windows 10 19044.1200, the lowest that runs CUDA in WSL 2");
        assertThat(build.remedy()).contains("winver").contains("Windows Update");
        assertThat(report.ready()).isFalse();
    }

    @Test
    void bareDebian12IsOutsideWslAndRunsNothing() {
        FakeCommandRunner runner = new FakeCommandRunner();
        GpuEnvReport report = detect("bare-linux-debian12", linux(Map.of()), runner);

        assertThat(report.os().value()).isEqualTo(new OperatingSystem(OsFamily.LINUX,
                "Debian GNU/Linux 12 (bookworm)", "12", "6.18.44-fc-v669", "amd64"));
        assertThat(report.os().describe()).isEqualTo("from os-release");
        assertThat(report.wsl().value()).isEqualTo(WslEnvironment.outside());
        assertThat(report.windows().unknownReason()).contains(Reason.NOT_APPLICABLE);
        assertThat(runner.received()).noneMatch(r -> r.argv().get(0).contains("ldconfig")
                || r.argv().get(0).contains("cmd.exe"));
        assertThat(report.checks()).filteredOn(c -> c.id().startsWith("wsl.") || c.id().startsWith("windows."))
                .hasSize(5).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.SKIPPED));
    }

    @Test
    void h200CaptureHasNoKernelFileSoTheKernelComesFromJava() {
        GpuEnvReport report = detect("h200-linux", linux(Map.of()), new FakeCommandRunner());
        assertThat(report.os().value()).isEqualTo(new OperatingSystem(OsFamily.LINUX, "Ubuntu 24.04.3 LTS", "24.04",
                "9.9.9-java", "amd64"));
        assertThat(report.wsl().unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(check(report, "wsl.version").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void jsonFieldsOfTheHostFacts() {
        JsonNode json = ReportJson.tree(detect("wsl2-shadowed", wslLinux(), runnerFor("wsl2-shadowed")));
        assertThat(json.get("os").get("family").asText()).isEqualTo("linux");
        assertThat(json.get("os").get("name").asText()).isEqualTo("Ubuntu 24.04.3 LTS");
        assertThat(json.get("os").get("probe").asText()).isEqualTo("os-release");
        assertThat(json.get("windows").get("build").asText()).isEqualTo("10.0.17763.2628");
        assertThat(json.get("windows").get("ubr").asInt()).isEqualTo(2628);
        assertThat(json.get("windows").get("probe").asText()).isEqualTo("ver");
        JsonNode wsl = json.get("wsl");
        assertThat(wsl.get("inside").asBoolean()).isTrue();
        assertThat(wsl.get("version").asInt()).isEqualTo(2);
        assertThat(wsl.get("shadowingLibraries").get(0).asText())
                .isEqualTo("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1");
        assertThat(wsl.get("ldconfigRead").asBoolean()).isTrue();
        assertThat(wsl.get("probe").asText()).isEqualTo("procfs");

        JsonNode bare = ReportJson.tree(detect("bare-linux-debian12", linux(Map.of()), new FakeCommandRunner()));
        assertThat(bare.get("windows").isNull()).isTrue();
        assertThat(bare.get("unknowns").findValuesAsText("fact")).contains("windows");
        assertThat(bare.get("wsl").get("inside").asBoolean()).isFalse();
        assertThat(bare.get("wsl").get("version").isNull()).isTrue();
    }

    /** The commands the host probes ran (the NVIDIA and toolkit probes run their own, asserted elsewhere). */
    private static List<CommandRequest> hostCommands(FakeCommandRunner runner) {
        return runner.received().stream().filter(r -> r.argv().get(0).contains("ldconfig")
                || r.argv().get(0).contains("cmd.exe")).toList();
    }
}
