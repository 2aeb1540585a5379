package io.github.gpuenv.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The CLI's one error format, {@code gpuenv: <what happened> → <what to do>}, on one line (line breaks in either
 * part become spaces), and its warning form {@code gpuenv: warning: <what> → <what gpuenv does>}.
 *
 * <p>{@code err.println(CliError.line("no such directory: /x", "give an existing directory"));}
 */
final class CliError {

    private CliError() {
    }

    /** {@code gpuenv: <what> → <whatToDo>}. */
    static String line(String what, String whatToDo) {
        return "gpuenv: " + flat(what) + " → " + flat(whatToDo);
    }

    /** {@code gpuenv: warning: <what> → <consequence>}. */
    static String warning(String what, String consequence) {
        return "gpuenv: warning: " + flat(what) + " → " + flat(consequence);
    }

    /** The hint of a usage error: {@code run 'gpuenv help cdi generate' for usage}. */
    static String usageHint(CommandLine command) {
        String path = commandPath(command);
        return path.isEmpty() ? "run 'gpuenv --help' for the commands" : "run 'gpuenv help " + path + "' for usage";
    }

    /** The subcommand path below {@code gpuenv}, e.g. {@code "cdi generate"}; empty for {@code gpuenv} itself. */
    static String commandPath(CommandLine command) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = command; c != null && c.getParent() != null; c = c.getParent()) {
            names.add(0, c.getCommandName());
        }
        return String.join(" ", names);
    }

    /** {@code text} on one line: every run of blanks and line breaks is one space. */
    static String flat(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
