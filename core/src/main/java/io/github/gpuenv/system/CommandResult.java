package io.github.gpuenv.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What running one external command produced: its bytes and exit code, or why there are none.
 *
 * <p>{@code CommandResult r = runner.run(List.of("nvidia-smi", "-L"), Duration.ofSeconds(3));
 * if (r.succeeded()) parse(r.stdoutText());}
 *
 * @param argv the argument vector that was run (never a shell string)
 * @param outcome whether the process ran to an exit code, was not found, timed out, failed to start, or was not
 *     run on purpose
 * @param exitCode the exit code; {@code -1} unless {@code outcome} is {@link Outcome#EXITED}
 * @param stdout standard output, bounded by the runner's limit
 * @param stderr standard error, bounded by the runner's limit
 * @param elapsed wall time spent
 * @param detail a short explanation for outcomes other than {@code EXITED} (empty otherwise)
 */
public record CommandResult(List<String> argv, Outcome outcome, int exitCode, byte[] stdout, byte[] stderr,
                            Duration elapsed, String detail) {

    /** How a command run ended. */
    public enum Outcome {
        /** The process ran and exited with {@link #exitCode()}. */
        EXITED,
        /** The executable was not found on PATH or at the given path. */
        NOT_FOUND,
        /** The process did not finish within its timeout and was killed. */
        TIMED_OUT,
        /** The process could not be started (permission, I/O) or the wait was interrupted. */
        FAILED,
        /**
         * Nothing was started, on purpose: under a fixture root no command is executed
         * ({@link CommandRunner#runNothing(String)}), and a replayed capture did not record this one. {@link #detail()}
         * says why; probes report such a command's fact {@code skipped}.
         */
        NOT_RUN
    }

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(outcome, "outcome");
        stdout = stdout == null ? new byte[0] : stdout.clone();
        stderr = stderr == null ? new byte[0] : stderr.clone();
        Objects.requireNonNull(elapsed, "elapsed");
        detail = detail == null ? "" : detail;
    }

    /** A process that exited with {@code exitCode}. */
    public static CommandResult exited(List<String> argv, int exitCode, byte[] stdout, byte[] stderr, Duration elapsed) {
        return new CommandResult(argv, Outcome.EXITED, exitCode, stdout, stderr, elapsed, "");
    }

    /** A run that produced no exit code, for {@code outcome} other than {@code EXITED}. */
    public static CommandResult failed(List<String> argv, Outcome outcome, Duration elapsed, String detail) {
        return new CommandResult(argv, outcome, -1, new byte[0], new byte[0], elapsed, detail);
    }

    /** A command that was not run on purpose ({@link Outcome#NOT_RUN}), and why. */
    public static CommandResult notRun(List<String> argv, String why) {
        return failed(argv, Outcome.NOT_RUN, Duration.ZERO, why);
    }

    /**
     * A process that could not be started: {@code NOT_FOUND} when the executable does not exist (ENOENT on POSIX,
     * "cannot find the file" on Windows), {@code FAILED} otherwise (permission, I/O).
     */
    public static CommandResult notStarted(List<String> argv, java.io.IOException cause, Duration elapsed) {
        String message = String.valueOf(cause.getMessage());
        boolean missing = message.contains("error=2,") || message.contains("No such file")
                || message.contains("cannot find the file");
        return failed(argv, missing ? Outcome.NOT_FOUND : Outcome.FAILED, elapsed, message);
    }

    /** True when the process ran and exited 0. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Standard output decoded as UTF-8 (malformed bytes replaced). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8 (malformed bytes replaced). */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /**
     * One line for reports: {@code "exit 2: <first stderr line>"}, {@code "not found"}, {@code "timed out after 3s"},
     * {@code "not run: <why>"}.
     */
    public String summary() {
        return switch (outcome) {
            case EXITED -> {
                String err = stderrText().strip();
                int nl = err.indexOf('\n');
                String first = nl < 0 ? err : err.substring(0, nl);
                if (first.length() > 200) {
                    first = first.substring(0, 200) + "…";
                }
                yield "exit " + exitCode + (first.isEmpty() ? "" : ": " + first);
            }
            case NOT_FOUND -> "not found: " + (argv.isEmpty() ? "" : argv.get(0));
            case TIMED_OUT -> "timed out" + (detail.isEmpty() ? "" : " (" + detail + ")");
            case FAILED -> "failed to run" + (detail.isEmpty() ? "" : ": " + detail);
            case NOT_RUN -> "not run" + (detail.isEmpty() ? "" : ": " + detail);
        };
    }
}
