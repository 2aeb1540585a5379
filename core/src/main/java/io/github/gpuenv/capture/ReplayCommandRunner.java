package io.github.gpuenv.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gpuenv.internal.json.ReportJson;
import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replays the commands of a capture directory by argv; nothing is started. A command the capture did not record is
 * {@link CommandResult.Outcome#NOT_RUN}. Output is read only from plain files directly in the capture's {@code cmd/}
 * (a name such as {@code 001.stdout}; no path, no {@code ..}, no link, and {@code cmd/} itself no link), so a hostile {@code commands.json} cannot make
 * a replay read the host's files; an entry that breaks these rules replays as not run, saying why.
 */
final class ReplayCommandRunner implements CommandRunner {

    /** The most bytes read of {@code commands.json}. */
    static final int MAX_INDEX_BYTES = 16 * 1024 * 1024;
    /** The most bytes read of one output file (the process runner's own limit). */
    static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
    /** The most commands replayed. */
    static final int MAX_COMMANDS = 4096;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Map<List<String>, CommandResult> recorded;

    private ReplayCommandRunner(Map<List<String>, CommandResult> recorded) {
        this.recorded = Map.copyOf(recorded);
    }

    /**
     * The runner for the capture in {@code directory}.
     *
     * @throws IOException when {@code commands.json} cannot be read or is not a JSON array
     */
    static ReplayCommandRunner load(Path directory) throws IOException {
        JsonNode index;
        try (InputStream in = Files.newInputStream(directory.resolve("commands.json"), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_INDEX_BYTES + 1);
            if (bytes.length > MAX_INDEX_BYTES) {
                throw new IOException("commands.json is larger than " + MAX_INDEX_BYTES + " bytes");
            }
            index = ReportJson.mapper().readTree(bytes);
        }
        if (index == null || !index.isArray()) {
            throw new IOException("commands.json is not a JSON array");
        }
        Map<List<String>, CommandResult> recorded = new HashMap<>();
        for (JsonNode entry : index) {
            if (recorded.size() >= MAX_COMMANDS) {
                break;
            }
            List<String> argv = argv(entry.path("argv"));
            if (!argv.isEmpty()) {
                recorded.putIfAbsent(argv, result(directory.resolve("cmd"), argv, entry));
            }
        }
        return new ReplayCommandRunner(recorded);
    }

    @Override
    public CommandResult run(CommandRequest request) {
        CommandResult result = recorded.get(request.argv());
        return result != null ? result : CommandResult.notRun(request.argv(),
                "not recorded in the capture's commands.json (a replay runs no command)");
    }

    private static CommandResult result(Path cmd, List<String> argv, JsonNode entry) {
        CommandResult.Outcome outcome;
        try {
            outcome = CommandResult.Outcome.valueOf(entry.path("outcome").asText(""));
        } catch (IllegalArgumentException e) {
            return CommandResult.notRun(argv, "the capture's commands.json has no valid outcome for it");
        }
        byte[] out;
        byte[] err;
        try {
            out = output(cmd, entry.path("stdoutFile").asText(""));
            err = output(cmd, entry.path("stderrFile").asText(""));
        } catch (IOException e) {
            return CommandResult.notRun(argv, "the capture's output of it cannot be replayed: " + e.getMessage());
        }
        Duration elapsed = Duration.ofMillis(Math.max(0, entry.path("elapsedMillis").asLong(0)));
        boolean exited = outcome == CommandResult.Outcome.EXITED;
        String detail = entry.path("detail").asText("");
        return new CommandResult(argv, outcome, exited ? entry.path("exitCode").asInt(-1) : -1, out, err, elapsed,
                exited ? "" : detail.isEmpty() ? "replayed" : shorten(detail, 500));
    }

    /** The bytes of a plain file directly in {@code cmd/}, at most {@link #MAX_OUTPUT_BYTES}. */
    private static byte[] output(Path cmd, String name) throws IOException {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IOException("'" + shorten(name, 80) + "' is not a file name in cmd/");
        }
        if (!Files.isDirectory(cmd, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the capture's cmd/ is not a directory (a link is not followed)");
        }
        Path file = cmd.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cmd/" + name + " is not a plain file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_OUTPUT_BYTES);
        }
    }

    private static List<String> argv(JsonNode node) {
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : node) {
            if (!arg.isTextual() || argv.size() >= 1024) {
                return List.of();
            }
            argv.add(arg.asText());
        }
        return argv;
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
