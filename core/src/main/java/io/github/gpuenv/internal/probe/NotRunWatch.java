package io.github.gpuenv.internal.probe;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command runner one probe attempt sees: the detection's runner, noting the first command that was not run
 * ({@link CommandResult.Outcome#NOT_RUN}), so that an unknown it led to is reported {@code skipped} with why.
 */
final class NotRunWatch implements CommandRunner {

    private final CommandRunner delegate;
    private final AtomicReference<CommandResult> firstNotRun = new AtomicReference<>();

    NotRunWatch(CommandRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(CommandRequest request) {
        CommandResult result = delegate.run(request);
        if (result.outcome() == CommandResult.Outcome.NOT_RUN) {
            firstNotRun.compareAndSet(null, result);
        }
        return result;
    }

    /** {@code "<argv[0]> was not run: <why>"} for the first command not run, if any. */
    Optional<String> notRun() {
        return Optional.ofNullable(firstNotRun.get()).map(r -> (r.argv().isEmpty() ? "a command" : r.argv().get(0))
                + " was not run: " + r.detail());
    }
}
