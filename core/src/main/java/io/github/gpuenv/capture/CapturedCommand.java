package io.github.gpuenv.capture;

import io.github.gpuenv.system.CommandResult;
import java.util.List;
import java.util.Objects;

/**
 * One command's entry in a capture's {@code commands.json}: its argv, how it ended, and the files holding its
 * output, byte-exact.
 *
 * @param argv the argument vector
 * @param outcome {@link CommandResult.Outcome} name
 * @param exitCode the exit code, {@code -1} when it did not exit
 * @param stdoutFile the file under {@code cmd/} holding stdout
 * @param stderrFile the file under {@code cmd/} holding stderr
 * @param elapsedMillis how long it took
 * @param detail {@link CommandResult#detail()}: why a command that did not exit did not (a replay gives it back)
 */
public record CapturedCommand(List<String> argv, String outcome, int exitCode, String stdoutFile, String stderrFile,
                              long elapsedMillis, String detail) {
    public CapturedCommand {
        argv = List.copyOf(argv);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stdoutFile, "stdoutFile");
        Objects.requireNonNull(stderrFile, "stderrFile");
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** An entry without a detail (as captures before the {@code detail} field have them). */
    public CapturedCommand(List<String> argv, String outcome, int exitCode, String stdoutFile, String stderrFile,
                           long elapsedMillis) {
        this(argv, outcome, exitCode, stdoutFile, stderrFile, elapsedMillis, "");
    }
}
