package io.github.gpuenv.cli;

import io.github.gpuenv.ConfigKey;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.internal.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The detection options shared by {@code detect}, {@code doctor}, {@code capture} and {@code smoke}. */
final class DetectMixin {

    @Option(names = "--root", paramLabel = "DIR",
            description = {"Read every probed file under DIR instead of / (also GPUENV_ROOT). Nothing under DIR is "
                    + "executed and nothing of this machine is mixed in: a capture's DIR/root replays its recorded "
                    + "commands, answers and environment; under any other DIR commands, NVML and Docker are skipped."})
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

    /**
     * The options; {@code --root} (or {@code GPUENV_ROOT}) of a capture's {@code root/} starts from the environment the
     * capture was taken in
     * (its {@code env.txt} and {@code properties.txt}), so the replay reads none of this machine's variables.
     */
    DetectOptions.Builder builder() {
        Path effectiveRoot = root != null ? root : Path.of(ConfigKey.ROOT.value(Environment.system()));
        Optional<Path> capture = MachineCapture.directoryOf(effectiveRoot);
        DetectOptions.Builder builder;
        try {
            builder = capture.isPresent() ? MachineCapture.replayOptions(capture.get()) : DetectOptions.builder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the environment of the capture " + capture.get(), e);
        }
        builder.root(effectiveRoot);
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
