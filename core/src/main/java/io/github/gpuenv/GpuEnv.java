package io.github.gpuenv;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.internal.container.ContainerFacts;
import io.github.gpuenv.internal.detect.Checks;
import io.github.gpuenv.internal.detect.FactChains;
import io.github.gpuenv.internal.nvidia.NvidiaFacts;
import io.github.gpuenv.internal.probe.DetectionRunner;
import io.github.gpuenv.internal.probe.FactChain;
import io.github.gpuenv.internal.probe.ProbeIds;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.ProbeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * The entry point: can this machine run CUDA containers ({@code docker run --gpus all nvidia/cuda … nvidia-smi}),
 * and if not, which layer is broken and how to fix it.
 *
 * <pre>{@code
 * GpuEnvReport report = GpuEnv.detect();
 * report.nvidia().toOptional().ifPresent(d -> System.out.println(d.gpus()));
 * if (!report.ready()) report.failures().forEach(c -> System.out.println(c.message() + " → " + c.remedy()));
 * }</pre>
 *
 * <p>Cost: with defaults, facts are probed concurrently; each probe is limited to 3 s and the whole to 10 s
 * ({@link DetectOptions}). It loads NVML through JNA when present, reads files under {@code /proc}, {@code /etc}
 * and {@code /usr/lib/wsl}, and may run {@code nvidia-smi}, {@code cmd.exe /c ver} (inside WSL), the toolkit's
 * {@code --version} and, with {@code gpuenv-docker}, one or two Docker API calls. It never throws for anything
 * about the machine or its configuration (a malformed {@code GPUENV_*} value is a {@link ConfigWarning} in the
 * report), and is safe to call from many threads at once. Under a fixture root ({@link DetectOptions.Builder#root})
 * it runs no command, loads no library and asks no Docker Engine: see {@link DetectOptions}.
 */
public final class GpuEnv {

    private GpuEnv() {
    }

    /** Detects with the ambient configuration ({@link DetectOptions#defaults()}). */
    public static GpuEnvReport detect() {
        return detect(DetectOptions.defaults());
    }

    /** Detects with {@code options}. */
    public static GpuEnvReport detect(DetectOptions options) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        ProbeContext context = new ProbeContext(options.files(), options.commandRunner(),
                options.environment(), options);
        DetectionRunner runner = new DetectionRunner(context);
        List<FactChain<?>> chains = FactChains.all(FactChains.loader());
        Map<String, Fact<?>> facts = runner.run(chains);
        FactSet factSet = new FactSet(get(facts, "os"), get(facts, "windows"), get(facts, "wsl"),
                get(facts, "wslHost"), get(facts, "nvidia"), get(facts, "container"), get(facts, "toolkit"),
                get(facts, "docker"));
        List<Check> checks = Checks.evaluate(factSet, options);
        return GpuEnvReport.of(factSet, checks, runner.attempts(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), configWarnings(options, ProbeIds.of(chains)));
    }

    /**
     * Every probe id that {@link DetectOptions.Builder#skipProbe(String)} (and {@code GPUENV_SKIP},
     * {@code --skip}) accepts with the modules on the classpath: plain ids such as {@code nvml}, which skip that
     * probe in every fact, and {@code fact.probe} ids such as {@code nvidia.procfs}. Runs no probe.
     */
    public static SortedSet<String> probeIds() {
        return ProbeIds.of(FactChains.all(FactChains.loader()));
    }

    /**
     * What {@code options} hold that could not be taken as given: {@link DetectOptions#configWarnings()} plus one
     * warning per skipped probe id that names no probe ({@link #probeIds()}). {@link #detect(DetectOptions)} puts
     * the same list in its report; callers that want to refuse such options (the CLI exits 2) check it first.
     */
    public static List<ConfigWarning> configWarnings(DetectOptions options) {
        return options.skippedProbes().isEmpty() ? options.configWarnings() : configWarnings(options, probeIds());
    }

    private static List<ConfigWarning> configWarnings(DetectOptions options, Set<String> probeIds) {
        List<ConfigWarning> warnings = new ArrayList<>(options.configWarnings());
        for (String id : options.skippedProbes()) {
            if (!probeIds.contains(id)) {
                warnings.add(new ConfigWarning(ConfigKey.SKIP, options.skipSource(id), id, "no probe has this id",
                        "ignored; known ids: " + ProbeIds.describe(probeIds), false));
            }
        }
        return warnings;
    }

    /**
     * Only the NVIDIA driver and GPU fact, through the same probe chain as {@link #detect(DetectOptions)} (NVML
     * first; NVML stays initialised between calls, so a warm call costs microseconds to a few milliseconds).
     */
    public static Fact<NvidiaDriver> nvidia(DetectOptions options) {
        ProbeContext context = new ProbeContext(options.files(), options.commandRunner(), options.environment(),
                options);
        return get(new DetectionRunner(context).run(List.of(NvidiaFacts.nvidia())), "nvidia");
    }

    /**
     * Only the {@code container} fact (whether this process runs in a container, the NVIDIA variables it was given,
     * whether a Docker Engine runs in it too), through the same probe as {@link #detect(DetectOptions)}: a handful
     * of bounded file reads, no command.
     */
    public static Fact<ContainerEnvironment> container(DetectOptions options) {
        ProbeContext context = new ProbeContext(options.files(), options.commandRunner(), options.environment(),
                options);
        return get(new DetectionRunner(context).run(List.of(ContainerFacts.container())), "container");
    }

    @SuppressWarnings("unchecked")
    private static <T> Fact<T> get(Map<String, Fact<?>> facts, String name) {
        Fact<?> fact = facts.get(name);
        return fact == null ? Fact.unknown(Reason.PROBE_ERROR, "no chain for " + name) : (Fact<T>) fact;
    }
}
