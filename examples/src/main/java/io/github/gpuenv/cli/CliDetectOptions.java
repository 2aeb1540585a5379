package io.github.gpuenv.cli;

import io.github.gpuenv.ConfigKey;
import io.github.gpuenv.ConfigWarning;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.internal.probe.ProbeIds;
import io.github.gpuenv.system.Environment;
import java.io.PrintWriter;
import java.util.Map;
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
        Environment env = Environment.system();
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
            return "use one of " + ProbeIds.describe(GpuEnv.probeIds());
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
