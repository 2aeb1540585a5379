package io.github.gpuenv.internal.container;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Probe contexts over a fixture root. */
final class Probes {

    private Probes() {
    }

    static ProbeContext context(Path root, CommandRunner runner, Map<String, String> variables, String osName) {
        Environment env = new Environment(variables, Map.of("os.name", osName));
        DetectOptions options = DetectOptions.builder(env).root(root).probeTimeout(Duration.ofSeconds(2)).build();
        return new ProbeContext(FileView.rooted(root), runner, env, options);
    }
}
