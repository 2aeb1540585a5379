package io.github.gpuenv.cli;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.system.Environment;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Detection options for a CLI command: the ambient configuration ({@code gpuenv.*} properties, {@code GPUENV_*}
 * variables) with the command's options over it — each option is its key's property ({@code --deadline} is
 * {@code gpuenv.deadline}), so core validates both in one place. Where the library warns and carries on
 * ({@link ConfigWarning}), the CLI refuses a value it cannot use as given (usage error, exit 2, naming the option or
 * variable) and prints a value limited to a ceiling as one warning line.
 *
 * <p>{@code DetectOptions options = CliDetectOptions.of(Map.of(ConfigKey.DEADLINE, "5s"), spec.commandLine());}
 */
final class CliDetectOptions {

    private CliDetectOptions() {
    }

    /**
     * The options; warnings go to {@code command}'s stderr.
     *
     * @param given the options given on the command line, by key, as text
     * @throws CommandLine.ParameterException for the first value that cannot be used as given
     */
    static DetectOptions of(Map<ConfigKey, String> given, CommandLine command) {
        Environment env = baseEnvironment(given, command);
        for (Map.Entry<ConfigKey, String> option : given.entrySet()) {
            env = env.withProperty(option.getKey().property(), option.getValue());
        }
        DetectOptions options = DetectOptions.builder(env).build();
        PrintWriter err = command.getErr();
        ConfigWarning refused = null;
        for (ConfigWarning w : GpuEnv.configWarnings(options)) {
            if (w.clamped()) {
                err.println(CliError.warning(label(w, given) + ": " + w.problem(), w.consequence()));
            } else if (refused == null) {
                refused = w;
            }
        }
        err.flush();
        if (refused != null) {
            throw new CommandLine.ParameterException(command, CliError.flat(label(refused, given) + ": "
                    + refused.problem()) + " → " + remedy(refused, given));
        }
        return options;
    }

    /**
     * The options of a command line that gives none, when nothing would be printed or refused: no configuration
     * warning, and no root that is a capture's (what {@link #of} would read). Otherwise empty: such a command line
     * goes through picocli and {@link #of}. {@link QuickReport}'s options.
     */
    static Optional<DetectOptions> withoutOptions() {
        Environment system = Environment.system();
        if (captureOf(ConfigKey.ROOT.value(system)).isPresent()) {
            return Optional.empty();
        }
        DetectOptions options = DetectOptions.builder(system).build();
        return GpuEnv.configWarnings(options).isEmpty() ? Optional.of(options) : Optional.empty();
    }

    /** The capture whose {@code root/} {@code root} is; empty when it is none, or not a path. */
    private static Optional<Path> captureOf(String root) {
        try {
            return MachineCapture.directoryOf(Path.of(root));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * This process's environment; or, when the root ({@code --root}, else {@code gpuenv.root}/{@code GPUENV_ROOT}) is
     * a capture's {@code root/}, the environment the capture was taken in (its {@code env.txt} and
     * {@code properties.txt}) with that root, so a replay reads none of this machine's variables.
     */
    private static Environment baseEnvironment(Map<ConfigKey, String> given, CommandLine command) {
        Environment system = Environment.system();
        String root = given.getOrDefault(ConfigKey.ROOT, ConfigKey.ROOT.value(system));
        Optional<Path> capture = captureOf(root);
        if (capture.isEmpty()) {
            return system;
        }
        try {
            return MachineCapture.environment(capture.get()).withProperty(ConfigKey.ROOT.property(), root);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(command, CliError.flat("cannot read the environment of the"
                    + " capture " + capture.get() + ": " + e.getMessage()) + " → check the capture's env.txt and"
                    + " properties.txt, or give --root a directory that is not a capture's root/");
        }
    }

    /** The option's name for {@code key}: {@code gpuenv.probe-timeout} is {@code --probe-timeout}. */
    static String option(ConfigKey key) {
        return "--" + key.property().substring("gpuenv.".length());
    }

    /** How the user wrote it: {@code --deadline soon}, {@code GPUENV_DEADLINE=soon}, {@code -Dgpuenv.deadline=soon}. */
    private static String label(ConfigWarning w, Map<ConfigKey, String> given) {
        if (w.source().equals(w.setting().property())) {
            return given.containsKey(w.setting()) ? option(w.setting()) + " " + w.value()
                    : "-D" + w.source() + "=" + w.value();
        }
        return w.source() + "=" + w.value();
    }

    private static String remedy(ConfigWarning w, Map<ConfigKey, String> given) {
        ConfigKey key = w.setting();
        if (key == ConfigKey.SKIP) {
            return "use one of " + String.join(", ", GpuEnv.probeIds().stream().filter(id -> !id.contains("."))
                    .toList()) + " (or FACT.PROBE, e.g. nvidia.procfs)";
        }
        if (key == ConfigKey.ROOT) {
            return "give an existing directory (files are read under it, e.g. a capture's root/)";
        }
        String example = key.defaultValue().isEmpty() ? "…" : key.defaultValue();
        if (w.source().equals(key.property())) {
            return given.containsKey(key) ? "e.g. " + option(key) + " " + example
                    : "e.g. -D" + key.property() + "=" + example + ", or leave it out";
        }
        return "set e.g. " + key.variable() + "=" + example + ", or unset it";
    }
}
