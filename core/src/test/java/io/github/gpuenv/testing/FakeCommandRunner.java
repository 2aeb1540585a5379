package io.github.gpuenv.testing;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A command runner for probe tests: argv → scripted result; unknown commands are "not found". Records every
 * request it received. (Process-boundary fakes — real executables — are for wsl.exe and Docker tests.)
 */
public final class FakeCommandRunner implements CommandRunner {

    private final Map<List<String>, Function<CommandRequest, CommandResult>> scripted = new LinkedHashMap<>();
    private final List<CommandRequest> received = Collections.synchronizedList(new ArrayList<>());

    /** Scripts {@code argv} to exit with {@code exitCode} printing {@code stdout}. */
    public FakeCommandRunner on(List<String> argv, int exitCode, byte[] stdout, byte[] stderr) {
        scripted.put(List.copyOf(argv), r -> CommandResult.exited(r.argv(), exitCode, stdout, stderr, Duration.ofMillis(1)));
        return this;
    }

    /** Scripts {@code argv} to exit 0 printing {@code stdout}. */
    public FakeCommandRunner on(List<String> argv, String stdout) {
        return on(argv, 0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /** Scripts {@code argv} to print the bytes of {@code file} and exit 0. */
    public FakeCommandRunner onFile(List<String> argv, Path file) {
        try {
            return on(argv, 0, Files.readAllBytes(file), new byte[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Scripts {@code argv} with any behaviour (sleeping, throwing, timing out). */
    public FakeCommandRunner on(List<String> argv, Function<CommandRequest, CommandResult> behaviour) {
        scripted.put(List.copyOf(argv), behaviour);
        return this;
    }

    @Override
    public CommandResult run(CommandRequest request) {
        received.add(request);
        Function<CommandRequest, CommandResult> behaviour = scripted.get(request.argv());
        if (behaviour == null) {
            return CommandResult.failed(request.argv(), CommandResult.Outcome.NOT_FOUND, Duration.ZERO,
                    "not scripted: " + request.argv());
        }
        return behaviour.apply(request);
    }

    /** Every request received, in order. */
    public List<CommandRequest> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
