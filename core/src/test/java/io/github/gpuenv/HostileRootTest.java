package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.ProbeAttempt;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeNvml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection under a root that is not the live machine (a bug report's capture, possibly hostile) executes nothing,
 * loads no library and reads nothing outside the root. The root looks like WSL 2, so every probe that runs a
 * command on such a machine is reached: {@code nvidia-smi} of {@code /usr/lib/wsl/lib}, {@code cmd.exe /c ver},
 * {@code ldconfig -p}, {@code nvidia-ctk --version}. Each executable a probe could start is a real script that
 * writes a marker file when it runs.
 */
class HostileRootTest {

    @TempDir
    Path dir;

    private Path markers;
    private Path root;
    private Path hostBin;

    private DetectOptions.Builder options(Map<String, String> variables) {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        return DetectOptions.builder(Environment.of(variables, properties)).root(root)
                .deadline(Duration.ofSeconds(20));
    }

    /**
     * A WSL 2 root whose {@code nvidia-smi} files are scripts, and a host directory {@code hostBin} (on the
     * detection's PATH) holding {@code cmd.exe} and {@code nvidia-ctk} scripts that the root also has at the same
     * machine path — the probes find them under the root and used to start the host's file.
     */
    private void hostileWslRoot() throws IOException {
        markers = Files.createDirectories(dir.resolve("markers"));
        root = Files.createDirectories(dir.resolve("root"));
        hostBin = Files.createDirectories(dir.resolve("host-bin"));
        write(root, "proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n");
        write(root, "etc/os-release", "PRETTY_NAME=\"Ubuntu 24.04 LTS\"\nID=ubuntu\nVERSION_ID=\"24.04\"\n");
        write(root, "dev/dxg", "");
        // interop on (else the ver probe rightly says interop is off before anything could run)
        write(root, "proc/sys/fs/binfmt_misc/WSLInterop", "enabled\ninterpreter /init\nflags: PF\noffset 0\nmagic 4d5a\n");
        for (String path : List.of("usr/lib/wsl/lib/nvidia-smi", "usr/bin/nvidia-smi", "usr/bin/ldconfig",
                "sbin/ldconfig", "usr/bin/nvidia-ctk", "mnt/c/Windows/System32/cmd.exe")) {
            script(root.resolve(path), path.replace('/', '_'));
        }
        for (String name : List.of("cmd.exe", "nvidia-ctk")) {
            script(hostBin.resolve(name), "host_" + name);
            script(root.resolve(hostBin.toString().substring(1)).resolve(name), "root_host_" + name);
        }
    }

    @Test
    void noCommandOfTheRootOrOfTheHostRunsUnderARoot() throws Exception {
        hostileWslRoot();
        DetectOptions options = options(Map.of("WSL_DISTRO_NAME", "Ubuntu", "PATH", hostBin + ":/usr/bin:/sbin"))
                .build();
        GpuEnvReport report = GpuEnv.detect(options);
        MachineCapture.captureTo(dir.resolve("capture"), options);

        assertThat(markers()).as("executables that ran (detect, then capture)").isEmpty();
        assertThat(report.wsl().value().inside()).isTrue();
        assertThat(report.wsl().value().ldconfigRead()).as("the host's ldconfig -p was read").isFalse();
        assertThat(attempt(report, "windows", "ver").outcome()).isEqualTo(Reason.SKIPPED.id());
        assertThat(attempt(report, "windows", "ver").detail()).contains("not run").contains(root.toString());
        assertThat(attempt(report, "nvidia", "nvidia-smi").outcome()).isEqualTo(Reason.SKIPPED.id());
        assertThat(report.toolkit().value().binaries()).extracting(ContainerToolkit.Binary::version)
                .containsOnly((String) null);
    }

    @Test
    void noNvmlLibraryIsLoadedUnderARootNeitherTheRootsNorAConfiguredOne() throws Exception {
        hostileWslRoot();
        Path loaded = dir.resolve("nvml-was-loaded");
        Path library = FakeNvml.compile(dir.resolve("nvml"), loaded);
        Files.copy(library, root.resolve("usr/lib/wsl/lib/libnvidia-ml.so.1"));
        Path configured = Files.copy(library, Files.createDirectories(dir.resolve("configured"))
                .resolve("libnvidia-ml.so.1"));

        GpuEnvReport report = GpuEnv.detect(options(Map.of("WSL_DISTRO_NAME", "Ubuntu"))
                .nvmlLibrary(configured).build());

        assertThat(loaded).as("an NVML library was loaded (dlopen ran its constructor)").doesNotExist();
        ProbeAttempt nvml = attempt(report, "nvidia", "nvml");
        assertThat(nvml.outcome()).isEqualTo(Reason.SKIPPED.id());
        assertThat(nvml.detail()).contains("fixture root").contains(root.toString());
        // the marker works: the same library on the live machine is loaded
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        GpuEnv.nvidia(DetectOptions.builder(Environment.of(Map.of(), properties)).root(Path.of("/"))
                .nvmlLibrary(configured).build());
        assertThat(loaded).exists();
    }

    @Test
    void absoluteAndClimbingSymlinksOfARootStayInsideIt() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        Path secret = write(dir, "outside/os-release", "PRETTY_NAME=\"HOST SECRET\"\nID=secret\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), secret.toAbsolutePath());
        write(root, secret.toAbsolutePath().toString().substring(1), "PRETTY_NAME=\"Inside 1\"\nID=inside\n");

        GpuEnvReport report = GpuEnv.detect(options(Map.of()).build());

        assertThat(report.os().value().name()).isEqualTo("Inside 1");
    }

    private ProbeAttempt attempt(GpuEnvReport report, String fact, String probe) {
        return report.attempts().stream().filter(a -> a.fact().equals(fact) && a.probe().equals(probe)).findFirst()
                .orElseThrow(() -> new AssertionError("no attempt " + fact + "/" + probe + " in " + report.attempts()));
    }

    private List<String> markers() throws IOException {
        try (Stream<Path> files = Files.list(markers)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void script(Path path, String marker) throws IOException {
        write(path.getParent(), path.getFileName().toString(),
                "#!/bin/sh\ntouch '" + markers.resolve(marker) + "'\necho 'Microsoft Windows [Version 10.0.22631.4602]'\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path write(Path base, String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
