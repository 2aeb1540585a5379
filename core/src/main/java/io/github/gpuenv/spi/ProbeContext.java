package io.github.gpuenv.spi;

import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.time.Duration;
import java.util.Objects;

/**
 * What a probe may use to look at the machine.
 *
 * @param files every file read goes through this (rooted at {@link io.github.gpuenv.DetectOptions#root()})
 * @param commands every external command goes through this
 * @param environment environment variables and system properties
 * @param options the detection's options
 */
public record ProbeContext(FileView files, CommandRunner commands, Environment environment, DetectSettings options) {
    public ProbeContext {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(options, "options");
    }

    /** The time one probe (and so one command it runs) may take. */
    public Duration probeTimeout() {
        return options.probeTimeout();
    }

    /** The operating system family gpuenv runs on, from {@code os.name}. */
    public io.github.gpuenv.report.OsFamily osFamily() {
        return io.github.gpuenv.report.OsFamily.fromOsName(environment.property("os.name").orElse(""));
    }
}
