package io.github.gpuenv.cli;

import io.github.gpuenv.GpuEnvException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.wsl.WslNotInstalledException;
import io.github.gpuenv.report.WslProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * Maps failures to exit codes and prints each as one line, {@code gpuenv: <what happened> → <what to do>}
 * ({@link CliError}); {@code -Dgpuenv.debug=true} adds the stack trace. Usage errors never print the usage block:
 * the line's remedy names {@code gpuenv help <command>}.
 */
final class ExitCodes {

    /** What to do about a daemon error gpuenv has no name for (its text is the daemon's own). */
    private static final String DAEMON = "the text is the Docker daemon's own: check the image name, that the daemon"
            + " reaches its registry (docker pull IMAGE shows the same), and the daemon's log (journalctl -u docker)";
    private static final String REPORT = "rerun with -Dgpuenv.debug=true for the stack trace, and report it with the"
            + " output of gpuenv capture DIR";

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        if (t instanceof CliFailure f) {
            return f.exitCode();
        }
        return t instanceof CommandLine.ParameterException ? GpuEnvCli.USAGE : GpuEnvCli.INTERNAL;
    }

    /** A command line picocli (or a command) refused: one line, exit 2. */
    static int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = CliError.flat(e.getMessage());
        String line;
        if (message.contains(" → ")) {
            line = "gpuenv: " + message;
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && command.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            line = CliError.line("no command '" + u.getUnmatched().get(0) + "'", suggestion(u)
                    + CliError.usageHint(command));
        } else {
            String hint = e instanceof CommandLine.UnmatchedArgumentException u ? suggestion(u) : "";
            line = CliError.line(message, hint + CliError.usageHint(command));
        }
        print(command.getErr(), line, e);
        return GpuEnvCli.USAGE;
    }

    /** A command failed: one line; exit 2 for a wrong argument, the failure's own code, else 125. */
    static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        CommandLine command = parseResult == null ? cli : last(parseResult);
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String line;
        int code = GpuEnvCli.INTERNAL;
        if (t instanceof CliFailure f) {
            line = CliError.line(f.getMessage(), f.whatToDo());
            code = f.exitCode();
        } else if (t instanceof GpuEnvException g) {
            boolean ranNothing = g instanceof WslNotInstalledException w && w.problem().ranNothing();
            String attempted = g.attempted().isEmpty() || ranNothing ? "" : " (" + g.attempted() + ")";
            line = CliError.line(withoutRemedy(g) + attempted, !g.remedy().isBlank() ? g.remedy()
                    : g instanceof DockerGpuException ? DAEMON : REPORT);
            if (g instanceof WslNotInstalledException w && w.problem() == WslProblem.NOT_APPLICABLE) {
                code = GpuEnvCli.USAGE;
            }
        } else if (t instanceof IllegalArgumentException) {
            line = CliError.line(String.valueOf(t.getMessage()), CliError.usageHint(command));
            code = GpuEnvCli.USAGE;
        } else if (t instanceof IOException) {
            line = CliError.line(t.getClass().getSimpleName() + ": " + t.getMessage(),
                    "check the path, that its directory exists and that you may write there (sudo for /etc)");
        } else {
            line = CliError.line("internal error: " + t, REPORT);
        }
        print(cli.getErr(), line, e);
        return code;
    }

    private static String withoutRemedy(GpuEnvException g) {
        String message = String.valueOf(g.getMessage());
        String suffix = " → " + g.remedy();
        return !g.remedy().isBlank() && message.endsWith(suffix)
                ? message.substring(0, message.length() - suffix.length()) : message;
    }

    private static String suggestion(CommandLine.UnmatchedArgumentException u) {
        List<String> suggestions = u.getSuggestions();
        return suggestions.isEmpty() ? "" : "did you mean " + String.join(" or ", suggestions) + "? ";
    }

    private static CommandLine last(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p.commandSpec().commandLine();
    }

    private static void print(PrintWriter err, String line, Throwable e) {
        err.println(line);
        if (Boolean.getBoolean("gpuenv.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
