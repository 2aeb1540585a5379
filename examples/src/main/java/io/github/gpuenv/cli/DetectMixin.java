package io.github.gpuenv.cli;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.DetectOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The detection options shared by {@code detect}, {@code doctor}, {@code capture} and {@code smoke}. Each is the
 * command-line form of a configuration key and wins over it ({@code --deadline} over {@code gpuenv.deadline} over
 * {@code GPUENV_DEADLINE}); values are validated by core ({@link CliDetectOptions}).
 */
final class DetectMixin {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR",
            description = {"Read every probed file under DIR instead of / (also GPUENV_ROOT). Nothing under DIR is "
                    + "executed and nothing of this machine is mixed in: a capture's DIR/root replays its recorded "
                    + "commands, answers and environment; under any other DIR commands, NVML and Docker are skipped."})
    String root;

    @Option(names = "--skip", paramLabel = "PROBE", split = ",",
            description = "Skip probes by id, e.g. --skip nvml,nvidia.procfs (also GPUENV_SKIP).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--probe-timeout", paramLabel = "DURATION", description = "Limit of one probe, e.g. 3s (at most 24h).")
    String probeTimeout;

    @Option(names = "--deadline", paramLabel = "DURATION",
            description = "Limit of the whole detection, e.g. 10s (at most 24h).")
    String deadline;

    @Option(names = "--nvml-library", paramLabel = "FILE", description = "The NVML library to try first.")
    String nvmlLibrary;

    @Option(names = "--docker-probe-container",
            description = "Allow a short --gpus all probe container to verify Docker's GPU path.")
    boolean dockerProbeContainer;

    DetectOptions options() {
        Map<ConfigKey, String> given = new EnumMap<>(ConfigKey.class);
        put(given, ConfigKey.ROOT, root);
        put(given, ConfigKey.SKIP, skip.isEmpty() ? null : String.join(",", skip));
        put(given, ConfigKey.PROBE_TIMEOUT, probeTimeout);
        put(given, ConfigKey.DEADLINE, deadline);
        put(given, ConfigKey.NVML_LIBRARY, nvmlLibrary);
        put(given, ConfigKey.DOCKER_PROBE_CONTAINER, dockerProbeContainer ? "true" : null);
        return CliDetectOptions.of(given, spec.commandLine());
    }

    private static void put(Map<ConfigKey, String> given, ConfigKey key, String value) {
        if (value != null) {
            // a blank option would read as "unset" and fall back silently: keep it visible to validation
            given.put(key, value.isBlank() ? "''" : value);
        }
    }
}
