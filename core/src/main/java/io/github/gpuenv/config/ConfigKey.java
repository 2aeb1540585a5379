package io.github.gpuenv.config;

import io.github.gpuenv.system.Environment;
import java.util.Locale;
import java.util.Optional;

/**
 * Every ambient configuration key gpuenv reads, in one place. A value is taken from the system property
 * ({@code gpuenv.probe-timeout}) over the environment variable ({@code GPUENV_PROBE_TIMEOUT}) over the default.
 * The configuration table of {@code docs/configuration.md} lists exactly these (a test keeps them in step).
 */
public enum ConfigKey {
    ROOT("gpuenv.root", "/", "Directory every probed file is read under (a captured machine as a fixture); under any root but / nothing is executed and no library loaded."),
    PROBE_TIMEOUT("gpuenv.probe-timeout", "3s", "Time limit of one probe (and of the commands it runs); at most 24h."),
    DEADLINE("gpuenv.deadline", "10s", "Time limit of a whole detect(); facts not established by then are unknown (timed-out); at most 24h."),
    SKIP("gpuenv.skip", "", "Comma-separated probe ids to skip: nvml skips that probe everywhere, nvidia.procfs only for the nvidia fact."),
    NVML_LIBRARY("gpuenv.nvml-library", "", "Path of libnvidia-ml.so.1 / nvml.dll to load before the default locations (live machine only; never under a fixture root)."),
    MIN_WINDOWS11_BUILD("gpuenv.min-windows11-build", "22000.160", "Lowest Windows 11 build.UBR accepted by the windows.build check."),
    MIN_WINDOWS10_BUILD("gpuenv.min-windows10-build", "19044.1200", "Lowest Windows 10 build.UBR accepted by the windows.build check."),
    MIN_WSL_KERNEL("gpuenv.min-wsl-kernel", "5.10.43", "Lowest WSL2 kernel accepted by the wsl.kernel check."),
    DOCKER_PROBE_CONTAINER("gpuenv.docker-probe-container", "false", "Whether detect() may start a short GPU probe container (opt-in)."),
    WSL_EXE("gpuenv.wsl-exe", "", "The wsl.exe to run (default %SystemRoot%\\System32\\wsl.exe; wsl.exe through interop inside WSL).");

    private final String property;
    private final String defaultValue;
    private final String description;

    ConfigKey(String property, String defaultValue, String description) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The system property, e.g. {@code gpuenv.probe-timeout}. */
    public String property() {
        return property;
    }

    /** The environment variable, e.g. {@code GPUENV_PROBE_TIMEOUT}. */
    public String variable() {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The default, as text ({@code ""}: none). */
    public String defaultValue() {
        return defaultValue;
    }

    /** What it does. */
    public String description() {
        return description;
    }

    /** The configured value (property over variable), or empty when neither is set or both are blank. */
    public Optional<String> configured(Environment environment) {
        Optional<String> fromProperty = environment.property(property).filter(v -> !v.isBlank());
        return fromProperty.isPresent() ? fromProperty : environment.variable(variable()).filter(v -> !v.isBlank());
    }

    /** The configured value or the default. */
    public String value(Environment environment) {
        return configured(environment).orElse(defaultValue);
    }
}
