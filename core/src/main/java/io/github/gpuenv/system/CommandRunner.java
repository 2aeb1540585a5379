package io.github.gpuenv.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seam through which gpuenv runs every external command: an argument vector (never a shell string) in,
 * bytes and an exit code out. Implementations never throw for anything about the machine; a missing
 * executable, a hang or a crash is a {@link CommandResult} outcome.
 *
 * <p>{@code CommandRunner runner = CommandRunner.system();}
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code argv} and waits at most {@code timeout}; the process is killed when the timeout passes.
     *
     * @param request what to run, with stdin, extra environment and working directory
     * @return the result; never null, never thrown
     */
    CommandResult run(CommandRequest request);

    /** Shorthand for {@code run(CommandRequest.of(argv, timeout))}. */
    default CommandResult run(List<String> argv, Duration timeout) {
        return run(CommandRequest.of(argv, timeout));
    }

    /** Shorthand for a run with extra environment variables. */
    default CommandResult run(List<String> argv, Duration timeout, Map<String, String> environment) {
        return run(CommandRequest.builder(argv).timeout(timeout).environment(environment).build());
    }

    /** The runner that starts real processes with {@link ProcessBuilder}. */
    static CommandRunner system() {
        return ProcessCommandRunner.INSTANCE;
    }

    /**
     * A runner that starts nothing: every command is {@link CommandResult.Outcome#NOT_RUN} with {@code why} as its
     * detail. Detection uses it under a fixture root that is not a capture with recorded commands.
     *
     * <p>{@code CommandRunner.runNothing("fixture root /tmp/r: commands are not run")}
     */
    static CommandRunner runNothing(String why) {
        java.util.Objects.requireNonNull(why, "why");
        return request -> CommandResult.notRun(request.argv(), why);
    }
}
