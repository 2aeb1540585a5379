package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #9 item 6: {@code gpuenv help <command…>} and {@code <command…> --help} work for every command, nested
 * ones included. The commands are read from the CLI itself, so a new one cannot escape.
 */
class CliHelpTest {

    /** Every command path below {@code gpuenv}: {@code [detect]}, {@code [cdi, generate]}, … */
    private static List<List<String>> allPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(GpuEnvCli.newCommandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            paths.add(path);
            collect(sub.getValue(), path, paths);
        }
    }

    @Test
    void everyCommandHasHelpBothWays() {
        List<List<String>> paths = allPaths();
        assertThat(paths).as("the walk found the nested commands").contains(List.of("cdi", "generate"),
                List.of("wsl", "setup-gpu-docker"), List.of("run"), List.of("help")).hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            String usage = "Usage: gpuenv " + String.join(" ", path);
            List<String> helpArgs = new ArrayList<>(List.of("help"));
            helpArgs.addAll(path);
            CliRunner help = CliRunner.run(helpArgs.toArray(String[]::new));
            assertThat(help.exitCode()).as("gpuenv %s: %s", helpArgs, help.err()).isZero();
            assertThat(help.out()).as("gpuenv %s", helpArgs).startsWith(usage);
            assertThat(help.err()).isEmpty();

            List<String> optionArgs = new ArrayList<>(path);
            optionArgs.add("--help");
            CliRunner option = CliRunner.run(optionArgs.toArray(String[]::new));
            assertThat(option.exitCode()).as("gpuenv %s: %s", optionArgs, option.err()).isZero();
            assertThat(option.out()).as("gpuenv %s", optionArgs).isEqualTo(help.out());
        }
    }

    @Test
    void helpAloneListsEveryCommandAndAnUnknownOneIsOneLine() {
        CliRunner help = CliRunner.run("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: gpuenv").contains("detect", "doctor", "capture", "run", "smoke",
                "cdi", "wsl");
        CliRunner unknown = CliRunner.run("help", "cdi", "nope");
        assertThat(unknown.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(unknown.err()).isEqualTo("gpuenv: no command 'cdi nope' → known here: generate, list\n");
    }
}
