package io.github.gpuenv.capture;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.internal.detect.FactChains;
import io.github.gpuenv.internal.fixture.FixtureRoot;
import io.github.gpuenv.internal.fixture.LiveProbeAnswers;
import io.github.gpuenv.internal.fixture.ReplayCommandRunner;
import io.github.gpuenv.internal.json.ReportJson;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a detection that records every file and command output its probes read, byte-exact, into a directory a
 * user can attach to a bug report — and that replays as a fixture, to the same report:
 *
 * <pre>{@code
 * MachineCapture.Result r = MachineCapture.captureTo(Path.of("my-machine"), DetectOptions.defaults());
 * // later, anywhere (nothing of the capture is executed, nothing of this machine is mixed in):
 * GpuEnvReport again = GpuEnv.detect(MachineCapture.replayOptions(Path.of("my-machine")).build());
 * }</pre>
 *
 * <p>Layout: {@code README.md} (provenance), {@code report.json}, {@code root/} (files as read; directories
 * listed, with their entries as empty placeholders), {@code cmd/NNN.stdout|stderr} with {@code commands.json}
 * (argv → outcome), {@code probes.json} (what the probes that read the machine beyond files and commands — NVML,
 * the Windows registry, OSHI, the Docker Engine — answered), {@code properties.txt} ({@code os.name},
 * {@code os.arch}, …) and {@code env.txt}: only the variables gpuenv reads and a fixed allow-list of GPU, CUDA, WSL
 * and Docker names, never a name that says token/pass/pwd/secret/cred/key/cookie/auth, {@code user:pass@} in URLs
 * masked. Other processes' {@code /proc/<pid>/comm} are kept only where they name {@code dockerd}, the one name a
 * probe looks for.
 */
public final class MachineCapture {

    /** The most bytes read of {@code env.txt} or {@code properties.txt}. */
    private static final int MAX_PAIRS_BYTES = 1024 * 1024;

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
        LiveProbeAnswers.write(directory, ReportJson.tree(report), FactChains.liveProbes(FactChains.loader()));
        Files.writeString(directory.resolve("env.txt"), pairsText(CapturedVariables.of(
                options.environment().variables())));
        Files.writeString(directory.resolve("properties.txt"), propertiesText(options));
        Files.writeString(directory.resolve("README.md"), readme(options, report, commands.size()));
        return new Result(directory, report, commands, problems);
    }

    /**
     * Options that replay the capture in {@code directory}: its {@code root/}, the environment it was taken in
     * ({@link #environment}); its commands and {@code probes.json} answers follow from the root
     * ({@code DetectOptions} treats a capture's {@code root/} so). Add the options the capture was taken with
     * ({@code --skip}, …) to replay it exactly.
     */
    public static DetectOptions.Builder replayOptions(Path directory) throws IOException {
        return DetectOptions.builder(environment(directory)).root(directory.resolve("root"));
    }

    /**
     * The capture {@code root} belongs to: its parent, when {@code root} is a directory named {@code root} whose
     * parent holds a {@code commands.json} (the layout {@link #captureTo} writes); empty otherwise.
     */
    public static Optional<Path> directoryOf(Path root) {
        return FixtureRoot.captureOf(root);
    }

    /**
     * A command runner that replays a capture's {@code commands.json} and runs nothing; a command the capture did
     * not record is {@link CommandResult.Outcome#NOT_RUN}.
     *
     * @throws IOException when {@code commands.json} cannot be read
     */
    public static CommandRunner replay(Path directory) throws IOException {
        return ReplayCommandRunner.load(directory);
    }

    /**
     * The environment a capture was taken in ({@code env.txt} and {@code properties.txt}, at most 1 MiB each), for
     * replaying it: {@code DetectOptions.builder(MachineCapture.environment(dir)).root(dir.resolve("root"))}.
     */
    public static Environment environment(Path directory) throws IOException {
        return new Environment(readPairs(directory.resolve("env.txt")), readPairs(directory.resolve("properties.txt")));
    }

    /** {@code NAME=value} lines, as {@code env.txt} and {@code properties.txt} hold them; never throws. */
    static Map<String, String> parsePairs(String text) {
        Map<String, String> pairs = new TreeMap<>();
        for (String line : text.split("\n", 10_001)) {
            int eq = line.indexOf('=');
            if (eq > 0 && pairs.size() < 10_000) {
                pairs.put(line.substring(0, eq), line.substring(eq + 1).replace("\r", ""));
            }
        }
        return pairs;
    }

    private static Map<String, String> readPairs(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return parsePairs(new String(in.readNBytes(MAX_PAIRS_BYTES), StandardCharsets.UTF_8));
        }
    }

    /** One {@code NAME=value} line per pair; a line break inside a value becomes a space (one line per pair). */
    private static String pairsText(Map<String, String> pairs) {
        StringBuilder out = new StringBuilder();
        pairs.forEach((k, v) -> out.append(k).append('=').append(v.replace('\r', ' ').replace('\n', ' '))
                .append('\n'));
        return out.toString();
    }

    private static String propertiesText(DetectOptions options) {
        Map<String, String> kept = new TreeMap<>();
        for (String name : List.of("os.name", "os.version", "os.arch", "java.version")) {
            options.environment().property(name).ifPresent(v -> kept.put(name, v));
        }
        return pairsText(kept);
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
                    base + ".stderr", r.elapsed().toMillis(), r.detail()));
        }
        ReportJson.mapper().writeValue(directory.resolve("commands.json").toFile(), commands);
        return commands;
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
                + "- NVML, registry and Docker Engine answers: `probes.json`\n"
                + "- variables: `env.txt` (only those gpuenv reads and GPU/CUDA/WSL/Docker names; credentials never)\n"
                + "- verdict: " + (report.ready() ? "ready" : "not ready") + "; full report in `report.json`\n\n"
                + "Replay (runs nothing of this directory): `gpuenv detect --root root`, or in Java\n"
                + "`GpuEnv.detect(MachineCapture.replayOptions(dir).build())`.\n";
    }
}
