package io.github.gpuenv.cli;

import io.github.gpuenv.GpuEnvException;
import picocli.CommandLine;

/** Maps failures to exit codes and prints them as one readable message (no stack trace unless --debug). */
final class ExitCodes {

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof CommandLine.ParameterException ? GpuEnvCli.USAGE : GpuEnvCli.INTERNAL;
    }

    static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        String attempted = e instanceof GpuEnvException g && !g.attempted().isEmpty() ? " (" + g.attempted() + ")" : "";
        cli.getErr().println("gpuenv: " + e.getMessage() + attempted);
        if (Boolean.getBoolean("gpuenv.debug")) {
            e.printStackTrace(cli.getErr());
        }
        if (e instanceof IllegalArgumentException) {
            return GpuEnvCli.USAGE;
        }
        return GpuEnvCli.INTERNAL;
    }
}
