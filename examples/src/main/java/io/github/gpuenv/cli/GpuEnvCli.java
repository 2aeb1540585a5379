package io.github.gpuenv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gpuenv} command line. Exit codes: 0 success; 1 not ready or a check failed; 2 usage error;
 * {@code run} passes the container's exit code through; 125 when gpuenv itself or the daemon fails.
 */
@Command(name = "gpuenv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Can this machine run CUDA containers? Detect, diagnose, and launch them.",
        subcommands = {DetectCommand.class, DoctorCommand.class, CaptureCommand.class, RunCommand.class,
                SmokeCommand.class, CdiCommand.class, WslCommand.class, CommandLine.HelpCommand.class})
public final class GpuEnvCli implements Runnable {

    /** The command ran and found nothing wrong. */
    public static final int OK = 0;
    /** The machine is not ready, or a check failed. */
    public static final int NOT_READY = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** gpuenv itself, or the Docker daemon, failed (Docker's convention). */
    public static final int INTERNAL = 125;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this in-process). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** The configured picocli command line. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new GpuEnvCli());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(INTERNAL);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // `gpuenv run IMAGE CMD…`: everything after the image belongs to the container's command
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
