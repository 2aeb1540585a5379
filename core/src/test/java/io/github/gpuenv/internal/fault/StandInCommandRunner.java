package io.github.gpuenv.internal.fault;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs real processes ({@link CommandRunner#system()}), with {@code argv[0]} swapped for a stand-in executable
 * chosen by the command's file name ({@code nvidia-smi}, {@code /sbin/ldconfig} → {@code ldconfig},
 * {@code /mnt/c/Windows/System32/cmd.exe} → {@code cmd.exe}). A command without a stand-in is not run at all: it is
 * {@code NOT_FOUND}, so no real host tool answers in its place.
 *
 * <p>{@code new StandInCommandRunner(Map.of("nvidia-smi", dir.resolve("nvidia-smi")))}
 */
final class StandInCommandRunner implements CommandRunner {

    private final Map<String, Path> standIns;

    StandInCommandRunner(Map<String, Path> standIns) {
        this.standIns = Map.copyOf(standIns);
    }

    @Override
    public CommandResult run(CommandRequest request) {
        String command = request.argv().get(0);
        Path standIn = standIns.get(command.substring(command.lastIndexOf('/') + 1));
        if (standIn == null) {
            return CommandResult.failed(request.argv(), CommandResult.Outcome.NOT_FOUND, Duration.ZERO,
                    "no stand-in for " + command);
        }
        List<String> argv = new ArrayList<>(request.argv());
        argv.set(0, standIn.toString());
        CommandRequest.Builder rewritten = CommandRequest.builder(argv).timeout(request.timeout())
                .stdin(request.stdin()).environment(request.environment()).maxOutputBytes(request.maxOutputBytes());
        request.workingDirectory().ifPresent(rewritten::workingDirectory);
        return CommandRunner.system().run(rewritten.build());
    }
}
