package io.github.gpuenv.capture;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.GpuEnvReport;
import io.github.gpuenv.internal.json.ReportJson;
import io.github.gpuenv.system.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a detection that records every file and command output its probes read, byte-exact, into a directory a
 * user can attach to a bug report — and that a test can use as a fixture:
 *
 * <pre>{@code
 * MachineCapture.Result r = MachineCapture.captureTo(Path.of("my-machine"), DetectOptions.defaults());
 * // later, anywhere:
 * GpuEnv.detect(DetectOptions.builder().root(dir.resolve("root"))
 *         .commandRunner(MachineCapture.replay(dir)).build());
 * }</pre>
 *
 * <p>Layout: {@code README.md} (provenance), {@code report.json}, {@code root/} (files as read),
 * {@code cmd/NNN.stdout|stderr} with {@code commands.json} (argv → outcome), {@code properties.txt} ({@code os.name},
 * {@code os.arch}, …), {@code env.txt} (the GPU-, CUDA-,
 * WSL- and Docker-related variables the probes consult; never credentials: variables whose name says
 * token/password/secret/auth and any {@code user:pass@} in {@code DOCKER_HOST} are left out or masked).
 */
public final class MachineCapture {

    private static final List<String> VARIABLE_PREFIXES = List.of("NVIDIA_", "CUDA_", "NV_", "WSL", "DOCKER_",
            "GPUENV_", "KUBERNETES_SERVICE_HOST", "container", "PATH", "LD_LIBRARY_PATH");

    private MachineCapture() {
    }

    /**
     * What a capture wrote.
     *
     * @param directory the capture directory
     * @param report the report of the recorded detection
     * @param commands the commands run
     * @param problems files that could not be copied (the capture goes on without them)
     */
    public record Result(Path directory, GpuEnvReport report, List<CapturedCommand> commands, List<String> problems) {
        public Result {
            commands = List.copyOf(commands);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Detects with {@code options}, recording into {@code directory} (created; must be empty or absent).
     *
     * @throws IOException when the directory cannot be written
     * @throws IllegalArgumentException when the directory exists and is not empty
     */
    public static Result captureTo(Path directory, DetectOptions options) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("capture directory is not empty: " + directory);
                }
            }
        }
        Files.createDirectories(directory.resolve("root"));
        Files.createDirectories(directory.resolve("cmd"));
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        RecordingCommandRunner runner = new RecordingCommandRunner(options.commandRunner());
        RecordingFileView files = new RecordingFileView(options.files(), directory.resolve("root").toAbsolutePath(),
                problems);
        DetectOptions recording = options.toBuilder().fileView(files).commandRunner(runner).build();
        GpuEnvReport report = GpuEnv.detect(recording);

        List<CapturedCommand> commands = writeCommands(directory, runner.results());
        Files.writeString(directory.resolve("report.json"), report.toJson() + "\n");
        Files.writeString(directory.resolve("env.txt"), environmentText(options));
        Files.writeString(directory.resolve("properties.txt"), propertiesText(options));
        Files.writeString(directory.resolve("README.md"), readme(options, report, commands.size()));
        return new Result(directory, report, commands, problems);
    }

    /** A command runner that replays a capture's {@code commands.json}; commands not recorded are "not found". */
    public static io.github.gpuenv.system.CommandRunner replay(Path directory) throws IOException {
        return ReplayCommandRunner.load(directory);
    }

    /**
     * The environment a capture was taken in ({@code env.txt} and {@code properties.txt}), for replaying it:
     * {@code DetectOptions.builder(MachineCapture.environment(dir)).root(dir.resolve("root"))}.
     */
    public static io.github.gpuenv.system.Environment environment(Path directory) throws IOException {
        return new io.github.gpuenv.system.Environment(readPairs(directory.resolve("env.txt")),
                readPairs(directory.resolve("properties.txt")));
    }

    private static Map<String, String> readPairs(Path file) throws IOException {
        Map<String, String> pairs = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    pairs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return pairs;
    }

    private static String propertiesText(DetectOptions options) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("os.name", "os.version", "os.arch", "java.version")) {
            options.environment().property(name).ifPresent(v -> out.append(name).append('=').append(v).append('\n'));
        }
        return out.toString();
    }

    static List<CapturedCommand> writeCommands(Path directory, List<CommandResult> results) throws IOException {
        List<CapturedCommand> commands = new ArrayList<>();
        int n = 0;
        for (CommandResult r : results) {
            n++;
            String base = String.format("%03d", n);
            Files.write(directory.resolve("cmd").resolve(base + ".stdout"), r.stdout());
            Files.write(directory.resolve("cmd").resolve(base + ".stderr"), r.stderr());
            commands.add(new CapturedCommand(r.argv(), r.outcome().name(), r.exitCode(), base + ".stdout",
                    base + ".stderr", r.elapsed().toMillis()));
        }
        ReportJson.mapper().writeValue(directory.resolve("commands.json").toFile(), commands);
        return commands;
    }

    static List<CapturedCommand> readCommands(Path directory) throws IOException {
        return ReportJson.mapper().readValue(directory.resolve("commands.json").toFile(),
                new TypeReference<List<CapturedCommand>>() { });
    }

    private static String environmentText(DetectOptions options) {
        Map<String, String> kept = new TreeMap<>();
        options.environment().variables().forEach((name, value) -> {
            boolean wanted = VARIABLE_PREFIXES.stream().anyMatch(name::startsWith);
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.contains("token") || lower.contains("pass") || lower.contains("secret")
                    || lower.contains("auth") || lower.contains("key") || lower.contains("cert");
            if (wanted && !secret) {
                kept.put(name, Redaction.maskUserInfo(value));
            }
        });
        StringBuilder out = new StringBuilder();
        kept.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    private static String readme(DetectOptions options, GpuEnvReport report, int commandCount) {
        String version = MachineCapture.class.getPackage().getImplementationVersion();
        return "# gpuenv capture\n\n"
                + "Written by `gpuenv capture` (gpuenv " + (version == null ? "development build" : version) + ") on "
                + Instant.now() + ".\n\n"
                + "- machine: " + options.environment().property("os.name").orElse("?") + " "
                + options.environment().property("os.version").orElse("") + " "
                + options.environment().property("os.arch").orElse("") + "; Java "
                + options.environment().property("java.version").orElse("?") + "\n"
                + "- files read: under `root/`, byte-exact (bounded reads: at most the bytes gpuenv read)\n"
                + "- commands run: " + commandCount + ", listed in `commands.json`, output in `cmd/`\n"
                + "- variables consulted: `env.txt` (credentials left out)\n"
                + "- verdict: " + (report.ready() ? "ready" : "not ready") + "; full report in `report.json`\n\n"
                + "Replay: `gpuenv detect --root root` (files), or in Java `MachineCapture.replay(dir)` (commands).\n";
    }
}
