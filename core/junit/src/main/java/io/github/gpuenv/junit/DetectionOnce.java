package io.github.gpuenv.junit;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.system.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one detection of a test run, kept in the root {@link ExtensionContext.Store}: every condition of every test
 * class reads the same report. Its options are the ambient configuration ({@code gpuenv.*} system properties,
 * {@code GPUENV_*} variables) with JUnit configuration parameters of the same names over them (e.g.
 * {@code gpuenv.root} in {@code junit-platform.properties}); a {@code gpuenv.root} that is a capture's {@code root/}
 * replays the capture as the CLI's {@code --root} does.
 */
final class DetectionOnce {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DetectionOnce.class);

    private DetectionOnce() {
    }

    /** The run's report, detected on first use. */
    static GpuEnvReport report(ExtensionContext context) {
        Environment env = Environment.system();
        StringBuilder key = new StringBuilder("report");
        for (ConfigKey setting : ConfigKey.values()) {
            Optional<String> value = context.getConfigurationParameter(setting.property());
            if (value.isPresent()) {
                env = env.withProperty(setting.property(), value.get());
                key.append(' ').append(setting.property()).append('=').append(value.get());
            }
        }
        Environment configured = env;
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key.toString(),
                k -> GpuEnv.detect(options(configured)), GpuEnvReport.class);
    }

    private static DetectOptions options(Environment env) {
        Optional<Path> capture = MachineCapture.directoryOf(Path.of(ConfigKey.ROOT.value(env)));
        if (capture.isEmpty()) {
            return DetectOptions.builder(env).build();
        }
        try {
            return MachineCapture.replayOptions(capture.get()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the capture at " + capture.get(), e);
        }
    }
}
