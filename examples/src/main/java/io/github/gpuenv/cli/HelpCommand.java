package io.github.gpuenv.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gpuenv help [COMMAND…]}: the usage of any command, nested ones included ({@code gpuenv help cdi generate},
 * {@code gpuenv help wsl setup-gpu-docker}); picocli's own help command takes one level only.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of a command, e.g. gpuenv help cdi generate.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. run or cdi generate.")
    List<String> path = new ArrayList<>();

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private CommandLine self;
    private CommandLine.Help.ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
                     PrintWriter err) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String known = String.join(", ", target.getSubcommands().keySet());
                throw new CommandLine.ParameterException(self, "no command '" + String.join(" ", path) + "' → "
                        + (known.isEmpty() ? CliError.usageHint(target) : "known here: " + known));
            }
            target = sub;
        }
        target.usage(out, colorScheme);
        out.flush();
    }
}
