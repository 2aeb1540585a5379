package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/** Probe contexts over a fixture root, a scripted command runner and a chosen {@code os.name}. */
final class ProbeContexts {

    private ProbeContexts() {
    }

    static ProbeContext linux(Path root, CommandRunner runner) {
        return of("Linux", root, runner, UnaryOperator.identity());
    }

    static ProbeContext of(String osName, Path root, CommandRunner runner,
                           UnaryOperator<DetectOptions.Builder> options) {
        Properties properties = new Properties();
        properties.setProperty("os.name", osName);
        Environment environment = Environment.of(Map.of(), properties);
        DetectOptions detectOptions = options.apply(DetectOptions.builder(environment).root(root)
                .commandRunner(runner)).build();
        return new ProbeContext(FileView.rooted(root), runner, environment, detectOptions);
    }
}
