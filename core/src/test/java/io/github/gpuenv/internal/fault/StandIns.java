package io.github.gpuenv.internal.fault;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A machine whose four external commands ({@code nvidia-smi}, {@code ldconfig}, {@code nvidia-ctk},
 * {@code cmd.exe}) are stand-in shell scripts that all commit the same {@link Fault}: a fixture root (WSL 2 on
 * kernel 5.15, {@code fixtures/wsl2-5.15/root}, plus the toolkit's {@code /usr/bin/nvidia-ctk}, so that every one
 * of those commands is reached) and the stand-ins, both under a test's temporary directory. The stand-ins' valid
 * answers are the real captures ({@code h200-linux/cmd}, {@code wsl2-5.15/cmd}).
 *
 * <p>{@code StandIns s = StandIns.create(tempDir, Fault.HANG); GpuEnv.detect(s.options());}
 */
final class StandIns {

    /** The probe timeout of the faults that do not need more. */
    static final Duration SHORT_PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** What the stand-in nvidia-ctk prints when it behaves. */
    static final String CTK_VERSION = "1.17.3";

    private final Path root;
    private final Path bin;
    private final Fault fault;

    private StandIns(Path root, Path bin, Fault fault) {
        this.root = root;
        this.bin = bin;
        this.fault = fault;
    }

    /** Writes the fixture root and the stand-ins under {@code dir}. */
    static StandIns create(Path dir, Fault fault) {
        try {
            Path root = dir.resolve("root");
            copyTree(Fixtures.path("wsl2-5.15/root"), root);
            Files.createDirectories(root.resolve("usr/bin"));
            Files.copy(Fixtures.path("toolkit-installed/root/usr/bin/nvidia-ctk"), root.resolve("usr/bin/nvidia-ctk"));
            Path bin = Files.createDirectories(dir.resolve("stand-ins"));
            Path answers = Files.createDirectories(bin.resolve("valid"));
            Files.copy(Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"), answers.resolve("nvidia-smi"));
            Files.copy(Fixtures.path("h200-linux/cmd/nvidia-smi-q.txt"), answers.resolve("nvidia-smi-q"));
            Files.copy(Fixtures.path("wsl2-5.15/cmd/ldconfig-p.txt"), answers.resolve("ldconfig"));
            Files.copy(Fixtures.path("wsl2-5.15/cmd/ver.txt"), answers.resolve("cmd.exe"));
            Files.writeString(answers.resolve("nvidia-ctk"), "NVIDIA Container Toolkit CLI version " + CTK_VERSION
                    + "\ncommit: 0000000\n");
            Path sleeper = bin.resolve("sleeper");
            Files.copy(Path.of(Files.exists(Path.of("/bin/sleep")) ? "/bin/sleep" : "/usr/bin/sleep"), sleeper,
                    StandardCopyOption.COPY_ATTRIBUTES);
            executable(sleeper);
            for (String command : commands()) {
                String valid = command.equals("nvidia-smi")
                        ? "VALID=\"$DIR/valid/nvidia-smi\"; [ \"$1\" = -q ] && VALID=\"$DIR/valid/nvidia-smi-q\"\n"
                        : "VALID=\"$DIR/valid/" + command + "\"\n";
                String script = fault.script("DIR=\"$(dirname \"$0\")\"\n" + valid);
                Path file = bin.resolve(command);
                Files.writeString(file, script, StandardCharsets.UTF_8);
                executable(file);
            }
            return new StandIns(root, bin, fault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands that have a stand-in, by file name. */
    static List<String> commands() {
        return List.of("nvidia-smi", "ldconfig", "nvidia-ctk", "cmd.exe");
    }

    /** Options that detect this machine through the stand-ins (NVML and OSHI skipped: they need no command). */
    DetectOptions options() {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        Environment environment = Environment.of(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin",
                "WSL_DISTRO_NAME", "Ubuntu"), properties);
        return DetectOptions.builder(environment).root(root).commandRunner(runner())
                .probeTimeout(fault.probeTimeout()).deadline(fault.probeTimeout().multipliedBy(4))
                .skipProbe("nvml").skipProbe("oshi").build();
    }

    /** The runner that swaps each command for its stand-in. */
    StandInCommandRunner runner() {
        return new StandInCommandRunner(Map.of("nvidia-smi", bin.resolve("nvidia-smi"), "ldconfig",
                bin.resolve("ldconfig"), "nvidia-ctk", bin.resolve("nvidia-ctk"), "cmd.exe", bin.resolve("cmd.exe")));
    }

    /** The stand-in directory: every process started from it names it. */
    Path directory() {
        return bin;
    }

    /** The processes alive now whose executable or arguments are under {@code dir}. */
    static List<ProcessHandle> alive(Path dir) {
        String marker = dir.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive).filter(p -> mentions(p.info(), marker)).toList();
        }
    }

    /** Whether {@code p} is a copy of {@code sleep} started from {@code dir}. */
    static boolean isSleeper(ProcessHandle p, Path dir) {
        return p.info().command().map(c -> c.equals(dir.resolve("sleeper").toString())).orElse(false);
    }

    private static boolean mentions(ProcessHandle.Info info, String marker) {
        return info.command().map(c -> c.contains(marker)).orElse(false)
                || info.arguments().map(a -> Arrays.stream(a).anyMatch(x -> x.contains(marker))).orElse(false);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
