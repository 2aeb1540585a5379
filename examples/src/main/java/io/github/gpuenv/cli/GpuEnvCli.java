package io.github.gpuenv.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gpuenv} command line. Exit codes: 0 success; 1 not ready or a check failed; 2 usage error;
 * {@code run} passes the container's exit code through; 125 when gpuenv itself or the daemon fails. Every error is
 * one line on stderr, {@code gpuenv: <what happened> → <what to do>} ({@link ExitCodes}).
 */
@Command(name = "gpuenv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Can this machine run CUDA containers? Detect, diagnose, and launch them.")
public final class GpuEnvCli implements Runnable {

    /**
     * The subcommands' names, in help order. They are registered lazily: building picocli's model of every
     * command (the wsl command alone has a dozen) cost about a third of a cold {@code gpuenv detect}, so a command
     * line naming one subcommand builds only that one.
     */
    private static final List<String> SUBCOMMANDS =
            List.of("detect", "doctor", "capture", "labels", "run", "smoke", "cdi", "wsl", "help");

    /** A new instance of the subcommand {@code name} (a switch, not a map of lambdas: each costs a cold start). */
    private static Object subcommand(String name) {
        return switch (name) {
            case "detect" -> new DetectCommand();
            case "doctor" -> new DoctorCommand();
            case "capture" -> new CaptureCommand();
            case "labels" -> new LabelsCommand();
            case "run" -> new RunCommand();
            case "smoke" -> new SmokeCommand();
            case "cdi" -> new CdiCommand();
            case "wsl" -> new WslCommand();
            case "help" -> new HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * picocli's built-in converters that no gpuenv option uses: registering them initialises {@code java.time}'s
     * formatters and opens the {@code java.sql} module in every run (about 25 ms of a cold start). Set in
     * {@link #main} only, and only when the user has not set the property.
     */
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

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
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        JnaSearchPath.presetUnlessSet();
        Integer quick = QuickReport.run(args);
        System.exit(quick != null ? quick : execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this in-process). */
    public static int execute(String... args) {
        return newCommandLine(args).execute(args);
    }

    /** The configured picocli command line with every subcommand. */
    public static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /**
     * The configured picocli command line for {@code args}: when the first argument names a subcommand, only that
     * one is built ({@code help X}: help and X); {@code --version} alone builds none; otherwise (a mistake,
     * {@code help} alone, no argument) all of them are, so usage lists everything.
     */
    public static CommandLine newCommandLine(String... args) {
        CommandLine cli = new CommandLine(new GpuEnvCli());
        List<String> names = SUBCOMMANDS;
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            names = List.of();
        } else if (args.length > 1 && args[0].equals("help") && SUBCOMMANDS.contains(args[1])) {
            names = args[1].equals("help") ? List.of("help") : List.of("help", args[1]);
        } else if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.contains(args[0])) {
            names = List.of(args[0]);
        }
        for (String name : names) {
            cli.addSubcommand(name, subcommand(name));
        }
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setParameterExceptionHandler(ExitCodes::handleParseException);
        cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(INTERNAL);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // `gpuenv run IMAGE CMD…`: everything after the image belongs to the container's command
        CommandLine run = cli.getSubcommands().get("run");
        if (run != null) {
            run.setStopAtPositional(true);
        }
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
