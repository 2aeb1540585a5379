package io.github.gpuenv.config;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import java.util.Objects;

/**
 * A configuration value gpuenv could not take as given. {@link GpuEnv#detect()} never throws for configuration:
 * a malformed value ({@code GPUENV_DEADLINE=soon}) is replaced by the default, a value above a ceiling
 * ({@code GPUENV_DEADLINE=999999999h}) is limited to it, and each such case is one warning in
 * {@link DetectOptions#configWarnings()} and {@link GpuEnvReport#configWarnings()} (JSON {@code configWarnings[]}).
 *
 * <p>{@code report.configWarnings().forEach(w -> log.warn("{}={}: {}", w.source(), w.value(), w.message()));}
 *
 * @param setting the configuration key concerned
 * @param source where the value came from: the environment variable ({@code GPUENV_DEADLINE}), the system property
 *     ({@code gpuenv.deadline}), or {@code DetectOptions.Builder.skipProbe} for a value set in code
 * @param value the value as given
 * @param problem what is wrong with it, e.g. {@code "not a duration: 'soon' (try 500ms, 3s, 2m)"}
 * @param consequence what gpuenv does instead, e.g. {@code "the default 10s is used"}
 * @param clamped true when the value was used, only limited to a ceiling; false when it could not be used as given
 */
public record ConfigWarning(ConfigKey setting, String source, String value, String problem, String consequence,
                            boolean clamped) {
    public ConfigWarning {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(consequence, "consequence");
    }

    /** The problem and its consequence (JSON {@code message}): {@code not a duration: 'soon' (…): the default 10s is used}. */
    public String message() {
        return problem + ": " + consequence;
    }

    /** One sentence: {@code GPUENV_DEADLINE=soon: not a duration: 'soon' (…): the default 10s is used}. */
    public String describe() {
        return source + "=" + value + ": " + message();
    }
}
