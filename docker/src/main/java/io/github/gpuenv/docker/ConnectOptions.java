package io.github.gpuenv.docker;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DockerGpu#connect(ConnectOptions)} finds and talks to the engine. The endpoint itself is docker-java's
 * choice ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the default socket or named pipe), read from
 * {@link #environment()}.
 *
 * <p>{@code DockerGpu.connect(ConnectOptions.builder().environment(Environment.system().withVariable("DOCKER_HOST", "unix:///run/docker.sock")).build())}
 */
public final class ConnectOptions {

    /** The default {@link #requestTimeout()}: one minute. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(1);
    /** The default {@link #leaseDuration()}: two minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private final Environment environment;
    private final Duration connectTimeout;
    private final FileView files;
    private final InjectionPlanner injectionPlanner;
    private final boolean removeLeftovers;
    private final Duration leaseDuration;
    private final Duration requestTimeout;
    private final DetectOptions hostFacts;
    private final boolean hostFactsDescribeEngineHost;

    private ConnectOptions(Builder b) {
        this.environment = b.environment;
        this.connectTimeout = b.connectTimeout;
        this.files = b.files;
        this.injectionPlanner = b.injectionPlanner != null ? b.injectionPlanner
                : InjectionPlanner.fromHost(DetectOptions.builder(b.environment).fileView(b.files).build());
        this.removeLeftovers = b.removeLeftovers;
        this.leaseDuration = b.leaseDuration;
        this.requestTimeout = b.requestTimeout;
        this.hostFacts = b.hostFacts != null ? b.hostFacts
                : DetectOptions.builder(b.environment).fileView(b.files).skipProbe("oshi").build();
        this.hostFactsDescribeEngineHost = b.hostFactsDescribeEngineHost;
    }

    /** The defaults: the process environment, a 5 s connect timeout, this machine's files. */
    public static ConnectOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where {@code DOCKER_HOST} and friends are read. */
    public Environment environment() {
        return environment;
    }

    /** The limit of establishing a connection, and of the {@code /version} answer at connect. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** This machine's files (CDI spec directories). */
    public FileView files() {
        return files;
    }

    /**
     * The most one engine request may take to be answered (default {@link #DEFAULT_REQUEST_TIMEOUT}): every request
     * but the streams that last as long as a container or a pull (wait, logs, pull, bounded by
     * {@link RunOptions#timeout()} and {@link RunOptions#pullTimeout()}). A daemon blocked in create or start (a hung
     * NVIDIA hook) therefore cannot hang a run without a timeout; a run's own timeout, when shorter, wins.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Computes {@link Attach#INJECT} plans. */
    public InjectionPlanner injectionPlanner() {
        return injectionPlanner;
    }

    /**
     * Whether connect removes the containers gpuenv left behind that are provably abandoned (default true; the
     * rules are {@link DockerGpu#removeLeftovers()}'s).
     */
    public boolean removeLeftovers() {
        return removeLeftovers;
    }

    /**
     * How long this connection's session lease lasts without renewal (default {@link #DEFAULT_LEASE}). While the
     * session runs containers it renews the lease every quarter of this; a process that cannot see this one (a CI
     * job in a sibling container on the same socket, another host) removes this session's containers only once the
     * lease has been expired this long — after this process died, or was frozen (stopped, suspended) longer.
     */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /**
     * How preflight detects the NVIDIA driver and GPUs (default: {@link #environment()} and {@link #files()}, the
     * OSHI probe skipped: it gives names only). Detected once per {@link DockerGpu}, lazily, when a run first asks
     * for GPUs, and again at most once a minute. Unless {@link #hostFactsDescribeEngineHost()}, they are this
     * machine's facts and used only when the engine provably runs on this machine (see {@code docs/preflight.md}).
     */
    public DetectOptions hostFacts() {
        return hostFacts;
    }

    /**
     * Whether {@link #hostFacts()} were given as the engine host's ({@link Builder#engineHostFacts}): preflight then
     * uses them without comparing the engine's host with this machine.
     */
    public boolean hostFactsDescribeEngineHost() {
        return hostFactsDescribeEngineHost;
    }

    /** Builds {@link ConnectOptions}. */
    public static final class Builder {
        private Environment environment = Environment.system();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private FileView files = FileView.rooted(Path.of("/"));
        private InjectionPlanner injectionPlanner;
        private boolean removeLeftovers = true;
        private Duration leaseDuration = DEFAULT_LEASE;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private DetectOptions hostFacts;
        private boolean hostFactsDescribeEngineHost;

        private Builder() {
        }

        /**
         * How this machine's NVIDIA facts are detected for preflight (see {@link ConnectOptions#hostFacts()});
         * they are used only when the engine runs on this machine.
         */
        public Builder hostFacts(DetectOptions options) {
            this.hostFacts = Objects.requireNonNull(options, "options");
            this.hostFactsDescribeEngineHost = false;
            return this;
        }

        /**
         * The engine's host is the machine {@code options} describe — a capture of a remote host
         * ({@code DetectOptions.builder().root(capture.resolve("root"))…}), or a test's fixture: preflight takes its
         * NVIDIA facts as the engine host's without comparing hosts. Give only what is true: a wrong description
         * makes preflight refuse runs the engine would serve (or let through runs it refuses).
         */
        public Builder engineHostFacts(DetectOptions options) {
            this.hostFacts = Objects.requireNonNull(options, "options");
            this.hostFactsDescribeEngineHost = true;
            return this;
        }

        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The endpoint, as {@code DOCKER_HOST} would give it (a shortcut for the environment variable). */
        public Builder dockerHost(String dockerHost) {
            this.environment = environment.withVariable("DOCKER_HOST", Objects.requireNonNull(dockerHost, "dockerHost"));
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout <= 0");
            }
            this.connectTimeout = timeout;
            return this;
        }

        public Builder files(FileView files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        public Builder injectionPlanner(InjectionPlanner planner) {
            this.injectionPlanner = Objects.requireNonNull(planner, "planner");
            return this;
        }

        public Builder removeLeftovers(boolean remove) {
            this.removeLeftovers = remove;
            return this;
        }

        /** See {@link ConnectOptions#requestTimeout()}. */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout <= 0");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** See {@link ConnectOptions#leaseDuration()}; at least one second. */
        public Builder leaseDuration(Duration duration) {
            if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("leaseDuration < 1s");
            }
            this.leaseDuration = duration;
            return this;
        }

        /** The options. */
        public ConnectOptions build() {
            return new ConnectOptions(this);
        }
    }
}
