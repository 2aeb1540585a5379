package io.github.gpuenv;

import io.github.gpuenv.ConfigReader;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.internal.fixture.FixtureRoot;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options of {@link GpuEnv#detect(DetectOptions)}; immutable, with a copy-builder.
 *
 * <p>{@code GpuEnv.detect(DetectOptions.builder().probeTimeout(Duration.ofSeconds(2)).skipProbe("nvml").build())}
 *
 * <p>{@link #defaults()} and {@link #builder()} start from the ambient configuration ({@link ConfigKey}: system
 * property {@code gpuenv.*} over environment variable {@code GPUENV_*} over default), read once, here. Reading it
 * never throws: a malformed value gives the default, a duration above {@link #MAX_DURATION} gives
 * {@link #MAX_DURATION}, and each is a {@link ConfigWarning} in {@link #configWarnings()}. The builder's setters
 * reject nonsense with {@link IllegalArgumentException} ({@code "deadline <= 0"}) and limit durations to
 * {@link #MAX_DURATION}.
 *
 * <p>A {@link Builder#root(Path) root} other than {@code /} is a fixture root (a bug report's capture, a test's
 * tree), and detection under it executes nothing and mixes nothing of this machine in: no command is run — a
 * capture's {@code root/} replays the capture's recorded commands, any other root answers every command
 * {@code NOT_RUN} (reported {@code skipped} with the reason) — no NVML library is loaded (not even
 * {@link #nvmlLibrary()}), the Windows registry, OSHI and the Docker Engine are not asked (a capture's
 * {@code probes.json} answers for them, else {@code skipped}), and symbolic links resolve inside the root. A
 * {@link Builder#commandRunner(CommandRunner) runner given explicitly} is used as given, under any root.
 */
public final class DetectOptions implements DetectSettings {

    /**
     * The longest probe timeout and deadline: 24 hours. Longer values (ambient or set) are taken as this, so that
     * instants computed from them can never overflow; a detection that has not ended in a day never will.
     */
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    /** The {@link ConfigWarning#source()} of a probe id given to {@link Builder#skipProbe(String)}. */
    static final String SKIP_PROBE_SOURCE = "DetectOptions.Builder.skipProbe";

    private final Path root;
    private final CommandRunner customCommandRunner;
    private final CommandRunner commandRunner;
    private final Environment environment;
    private final Duration probeTimeout;
    private final Duration deadline;
    private final Set<String> skippedProbes;
    private final Optional<Path> nvmlLibrary;
    private final String minWindows11Build;
    private final String minWindows10Build;
    private final String minWslKernel;
    private final boolean dockerProbeContainer;
    private final Optional<String> wslExe;
    private final FileView customFileView;
    private final FileView fileView;
    private final List<ConfigWarning> configWarnings;
    private final Map<String, String> skipSources;

    private DetectOptions(Builder b) {
        this.root = b.root;
        this.environment = b.environment;
        this.probeTimeout = b.probeTimeout;
        this.deadline = b.deadline;
        this.skippedProbes = Set.copyOf(b.skippedProbes);
        this.nvmlLibrary = Optional.ofNullable(b.nvmlLibrary);
        this.minWindows11Build = b.minWindows11Build;
        this.minWindows10Build = b.minWindows10Build;
        this.minWslKernel = b.minWslKernel;
        this.dockerProbeContainer = b.dockerProbeContainer;
        this.wslExe = Optional.ofNullable(b.wslExe);
        this.customFileView = b.fileView;
        this.fileView = b.fileView != null ? b.fileView : FileView.rooted(b.root);
        this.configWarnings = List.copyOf(b.configWarnings.values());
        this.skipSources = Map.copyOf(b.skipSources);
        this.customCommandRunner = b.commandRunner;
        this.commandRunner = b.commandRunner != null ? b.commandRunner
                : FixtureRoot.of(fileView).map(FixtureRoot::commandRunner).orElse(CommandRunner.system());
    }

    /** The options the ambient configuration gives. */
    public static DetectOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the ambient configuration of this process. */
    public static Builder builder() {
        return builder(Environment.system());
    }

    /** A builder starting from the configuration in {@code environment} (which is also what probes will read). */
    public static Builder builder(Environment environment) {
        return new Builder(environment);
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The directory probed files are read under; {@code /} on a live machine. */
    @Override
    public Path root() {
        return root;
    }

    /** Reads every probed file: rooted at {@link #root()} unless {@link Builder#fileView(FileView)} replaced it. */
    @Override
    public FileView files() {
        return fileView;
    }

    /**
     * Runs every external command: the runner given to {@link Builder#commandRunner(CommandRunner)}; else, on the
     * live machine, {@link CommandRunner#system()}; under a fixture root, the capture's recorded commands or a runner
     * that runs nothing ({@link CommandRunner#runNothing(String)}).
     */
    @Override
    public CommandRunner commandRunner() {
        return commandRunner;
    }

    /** Whether detection reads the live machine: its files are rooted at a filesystem root ({@code /}). */
    @Override
    public boolean liveMachine() {
        return fileView.isLiveMachine();
    }

    /** Environment variables and system properties the probes read. */
    @Override
    public Environment environment() {
        return environment;
    }

    /** The time limit of one probe. */
    @Override
    public Duration probeTimeout() {
        return probeTimeout;
    }

    /** The time limit of a whole detection. */
    @Override
    public Duration deadline() {
        return deadline;
    }

    /** Probe ids to skip. */
    @Override
    public Set<String> skippedProbes() {
        return skippedProbes;
    }

    /** Whether {@code probeId} is to be skipped. */
    @Override
    public boolean skips(String probeId) {
        return skippedProbes.contains(probeId);
    }

    /** An NVML library to try first on the live machine (never loaded under a fixture root). */
    @Override
    public Optional<Path> nvmlLibrary() {
        return nvmlLibrary;
    }

    /** The lowest Windows 11 {@code build.UBR} accepted, e.g. {@code "22000.160"}. */
    @Override
    public String minWindows11Build() {
        return minWindows11Build;
    }

    /** The lowest Windows 10 {@code build.UBR} accepted, e.g. {@code "19044.1200"}. */
    @Override
    public String minWindows10Build() {
        return minWindows10Build;
    }

    /** The lowest WSL2 kernel accepted, e.g. {@code "5.10.43"}. */
    @Override
    public String minWslKernel() {
        return minWslKernel;
    }

    /** Whether the Docker probe may start a short GPU container. */
    @Override
    public boolean dockerProbeContainer() {
        return dockerProbeContainer;
    }

    /** The wsl.exe to run, when configured. */
    @Override
    public Optional<String> wslExe() {
        return wslExe;
    }

    /**
     * What the ambient configuration held that could not be taken as given (malformed: the default is used; above
     * a ceiling: the ceiling is used); empty when all was well. A key set through the builder afterwards drops its
     * warning. Unknown probe ids are added by {@link GpuEnv#configWarnings(DetectOptions)}.
     */
    public List<ConfigWarning> configWarnings() {
        return configWarnings;
    }

    /** Where each skipped probe id came from (a {@link ConfigKey#SKIP} source, or the builder). */
    String skipSource(String probeId) {
        return skipSources.getOrDefault(probeId, SKIP_PROBE_SOURCE);
    }

    @Override
    public String toString() {
        return "DetectOptions[root=" + root + ", probeTimeout=" + probeTimeout + ", deadline=" + deadline
                + ", skippedProbes=" + skippedProbes + "]";
    }

    /** Builds {@link DetectOptions}. */
    public static final class Builder {
        private Path root;
        private CommandRunner commandRunner;
        private Environment environment;
        private Duration probeTimeout;
        private Duration deadline;
        private final Set<String> skippedProbes = new LinkedHashSet<>();
        private Path nvmlLibrary;
        private String minWindows11Build;
        private String minWindows10Build;
        private String minWslKernel;
        private boolean dockerProbeContainer;
        private String wslExe;
        private FileView fileView;
        private final Map<ConfigKey, ConfigWarning> configWarnings = new EnumMap<>(ConfigKey.class);
        private final Map<String, String> skipSources = new LinkedHashMap<>();

        private Builder(Environment env) {
            this.environment = Objects.requireNonNull(env, "environment");
            ConfigReader config = new ConfigReader(env);
            this.root = config.directory(ConfigKey.ROOT);
            this.probeTimeout = config.duration(ConfigKey.PROBE_TIMEOUT, MAX_DURATION);
            this.deadline = config.duration(ConfigKey.DEADLINE, MAX_DURATION);
            String skipSource = config.source(ConfigKey.SKIP).orElse(ConfigKey.SKIP.variable());
            for (String id : config.list(ConfigKey.SKIP)) {
                skippedProbes.add(id);
                skipSources.put(id, skipSource);
            }
            this.nvmlLibrary = config.path(ConfigKey.NVML_LIBRARY).orElse(null);
            this.minWindows11Build = config.version(ConfigKey.MIN_WINDOWS11_BUILD);
            this.minWindows10Build = config.version(ConfigKey.MIN_WINDOWS10_BUILD);
            this.minWslKernel = config.version(ConfigKey.MIN_WSL_KERNEL);
            this.dockerProbeContainer = config.bool(ConfigKey.DOCKER_PROBE_CONTAINER);
            this.wslExe = config.text(ConfigKey.WSL_EXE).orElse(null);
            this.configWarnings.putAll(config.warnings());
        }

        private Builder(DetectOptions o) {
            this.root = o.root;
            this.commandRunner = o.customCommandRunner;
            this.environment = o.environment;
            this.probeTimeout = o.probeTimeout;
            this.deadline = o.deadline;
            this.skippedProbes.addAll(o.skippedProbes);
            this.nvmlLibrary = o.nvmlLibrary.orElse(null);
            this.minWindows11Build = o.minWindows11Build;
            this.minWindows10Build = o.minWindows10Build;
            this.minWslKernel = o.minWslKernel;
            this.dockerProbeContainer = o.dockerProbeContainer;
            this.wslExe = o.wslExe.orElse(null);
            this.fileView = o.customFileView;
            o.configWarnings.forEach(w -> this.configWarnings.put(w.setting(), w));
            this.skipSources.putAll(o.skipSources);
        }

        /**
         * Read every probed file under {@code root} instead of {@code /}; a root other than {@code /} is a fixture
         * root, under which nothing is executed (see {@link DetectOptions}).
         */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            configWarnings.remove(ConfigKey.ROOT);
            return this;
        }

        /**
         * Read files through {@code view} instead of a view rooted at {@link #root(Path)} (recording for
         * {@code gpuenv capture}); null restores the rooted view.
         */
        public Builder fileView(FileView view) {
            this.fileView = view;
            return this;
        }

        /**
         * Run external commands through {@code runner} (tests; recording for {@code gpuenv capture}), under any root:
         * a runner given here is used as given, also under a fixture root. Null restores the default (the process
         * runner on the live machine, nothing run under a fixture root).
         */
        public Builder commandRunner(CommandRunner runner) {
            this.commandRunner = runner;
            return this;
        }

        /** Read variables and properties from {@code environment} (does not re-read the configuration keys). */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The time limit of one probe (and of the commands it runs); more than {@link #MAX_DURATION} is taken as
         * {@link #MAX_DURATION}.
         *
         * @throws IllegalArgumentException {@code "probeTimeout <= 0"} when zero or negative
         */
        public Builder probeTimeout(Duration timeout) {
            this.probeTimeout = positive(timeout, "probeTimeout");
            configWarnings.remove(ConfigKey.PROBE_TIMEOUT);
            return this;
        }

        /**
         * The time limit of the whole detection; more than {@link #MAX_DURATION} is taken as {@link #MAX_DURATION}.
         *
         * @throws IllegalArgumentException {@code "deadline <= 0"} when zero or negative
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            configWarnings.remove(ConfigKey.DEADLINE);
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " <= 0");
            }
            return d.compareTo(MAX_DURATION) > 0 ? MAX_DURATION : d;
        }

        /**
         * Skip a probe by id: {@code "nvml"} skips every probe of that id; {@code "nvidia.procfs"} only the
         * {@code procfs} probe of the {@code nvidia} fact (the {@code wsl} fact has a {@code procfs} probe too).
         */
        public Builder skipProbe(String probeId) {
            this.skippedProbes.add(Objects.requireNonNull(probeId, "probeId"));
            return this;
        }

        /** An NVML library to try first on the live machine (never loaded under a fixture root). */
        public Builder nvmlLibrary(Path library) {
            this.nvmlLibrary = library;
            configWarnings.remove(ConfigKey.NVML_LIBRARY);
            return this;
        }

        public Builder minWindows11Build(String buildDotUbr) {
            this.minWindows11Build = Objects.requireNonNull(buildDotUbr);
            configWarnings.remove(ConfigKey.MIN_WINDOWS11_BUILD);
            return this;
        }

        public Builder minWindows10Build(String buildDotUbr) {
            this.minWindows10Build = Objects.requireNonNull(buildDotUbr);
            configWarnings.remove(ConfigKey.MIN_WINDOWS10_BUILD);
            return this;
        }

        public Builder minWslKernel(String version) {
            this.minWslKernel = Objects.requireNonNull(version);
            configWarnings.remove(ConfigKey.MIN_WSL_KERNEL);
            return this;
        }

        /** Allow the Docker probe to start a short {@code --gpus all} container to verify the GPU path. */
        public Builder dockerProbeContainer(boolean allowed) {
            this.dockerProbeContainer = allowed;
            configWarnings.remove(ConfigKey.DOCKER_PROBE_CONTAINER);
            return this;
        }

        public Builder wslExe(String wslExe) {
            this.wslExe = wslExe;
            configWarnings.remove(ConfigKey.WSL_EXE);
            return this;
        }

        public DetectOptions build() {
            return new DetectOptions(this);
        }
    }
}
