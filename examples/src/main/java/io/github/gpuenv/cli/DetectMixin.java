package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.internal.DurationText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The detection options shared by {@code detect}, {@code doctor}, {@code capture} and {@code smoke}. */
final class DetectMixin {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Read every probed file under DIR instead of / (also GPUENV_ROOT).")
    Path root;

    @Option(names = "--skip", paramLabel = "PROBE", split = ",",
            description = "Skip probes by id, e.g. --skip nvml,procfs (also GPUENV_SKIP).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--probe-timeout", paramLabel = "DURATION", description = "Limit of one probe, e.g. 3s.")
    String probeTimeout;

    @Option(names = "--deadline", paramLabel = "DURATION", description = "Limit of the whole detection, e.g. 10s.")
    String deadline;

    @Option(names = "--nvml-library", paramLabel = "FILE", description = "The NVML library to try first.")
    Path nvmlLibrary;

    @Option(names = "--docker-probe-container",
            description = "Allow a short --gpus all probe container to verify Docker's GPU path.")
    boolean dockerProbeContainer;

    DetectOptions.Builder builder() {
        DetectOptions.Builder builder = DetectOptions.builder();
        if (root != null) {
            builder.root(root);
        }
        skip.forEach(builder::skipProbe);
        if (probeTimeout != null) {
            builder.probeTimeout(DurationText.parseStrict(probeTimeout));
        }
        if (deadline != null) {
            builder.deadline(DurationText.parseStrict(deadline));
        }
        if (nvmlLibrary != null) {
            builder.nvmlLibrary(nvmlLibrary);
        }
        if (dockerProbeContainer) {
            builder.dockerProbeContainer(true);
        }
        return builder;
    }

    DetectOptions options() {
        return builder().build();
    }
}
