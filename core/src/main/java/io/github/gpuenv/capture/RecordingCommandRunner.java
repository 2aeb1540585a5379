package io.github.gpuenv.capture;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/** A {@link CommandRunner} that keeps every result it passes through, for {@link MachineCapture}. */
final class RecordingCommandRunner implements CommandRunner {

    private final CommandRunner delegate;
    private final List<CommandResult> results = new ArrayList<>();

    RecordingCommandRunner(CommandRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(CommandRequest request) {
        CommandResult result = delegate.run(request);
        synchronized (results) {
            results.add(result);
        }
        return result;
    }

    List<CommandResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
