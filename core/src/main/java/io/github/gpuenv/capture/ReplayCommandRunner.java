package io.github.gpuenv.capture;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replays the commands of a capture directory by argv; anything not recorded is "not found". */
final class ReplayCommandRunner implements CommandRunner {

    private final Map<List<String>, CommandResult> recorded;

    private ReplayCommandRunner(Map<List<String>, CommandResult> recorded) {
        this.recorded = Map.copyOf(recorded);
    }

    static ReplayCommandRunner load(Path directory) throws IOException {
        Map<List<String>, CommandResult> recorded = new HashMap<>();
        for (CapturedCommand c : MachineCapture.readCommands(directory)) {
            byte[] out = Files.readAllBytes(directory.resolve("cmd").resolve(c.stdoutFile()));
            byte[] err = Files.readAllBytes(directory.resolve("cmd").resolve(c.stderrFile()));
            CommandResult.Outcome outcome = CommandResult.Outcome.valueOf(c.outcome());
            recorded.put(c.argv(), new CommandResult(c.argv(), outcome, c.exitCode(), out, err,
                    Duration.ofMillis(c.elapsedMillis()), outcome == CommandResult.Outcome.EXITED ? "" : "replayed"));
        }
        return new ReplayCommandRunner(recorded);
    }

    @Override
    public CommandResult run(CommandRequest request) {
        CommandResult result = recorded.get(request.argv());
        return result != null ? result : CommandResult.failed(request.argv(), CommandResult.Outcome.NOT_FOUND,
                Duration.ZERO, "not in the capture");
    }
}
