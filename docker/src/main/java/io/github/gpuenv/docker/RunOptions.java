package io.github.gpuenv.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What to run and how. Least privilege by default: no network ({@code none}), every capability dropped,
 * {@code no-new-privileges}, never privileged. Immutable; {@link #toBuilder()} copies.
 *
 * <p>{@code RunOptions.builder("nvidia/cuda:12.4.1-base-ubuntu22.04").command("nvidia-smi", "-L")
 * .gpus(GpuRequest.all()).timeout(Duration.ofMinutes(1)).build()}
 */
public final class RunOptions {

    /** Default limit on each of stdout and stderr kept in a {@link RunResult}: 1 MiB. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

    private final String image;
    private final List<String> command;
    private final Map<String, String> environment;
    private final GpuRequest gpus;
    private final Attach attach;
    private final boolean allowInject;
    private final PullPolicy pullPolicy;
    private final Duration timeout;
    private final Duration pullTimeout;
    private final Map<String, String> labels;
    private final String network;
    private final String user;
    private final boolean readOnlyRootfs;
    private final Long memoryLimitBytes;
    private final List<String> capabilitiesAdded;
    private final int maxOutputBytes;
    private final Consumer<CreateContainerCmd> createContainerCmdModifier;
    private final boolean preflight;

    private RunOptions(Builder b) {
        this.image = b.image;
        this.command = List.copyOf(b.command);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.gpus = b.gpus;
        this.attach = b.attach;
        this.allowInject = b.allowInject;
        this.pullPolicy = b.pullPolicy;
        this.timeout = b.timeout;
        this.pullTimeout = b.pullTimeout;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        this.network = b.network;
        this.user = b.user;
        this.readOnlyRootfs = b.readOnlyRootfs;
        this.memoryLimitBytes = b.memoryLimitBytes;
        this.capabilitiesAdded = List.copyOf(b.capabilitiesAdded);
        this.maxOutputBytes = b.maxOutputBytes;
        this.createContainerCmdModifier = b.createContainerCmdModifier;
        this.preflight = b.preflight;
    }

    /** A builder for {@code image}, e.g. {@code nvidia/cuda:12.4.1-base-ubuntu22.04}. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The image. */
    public String image() {
        return image;
    }

    /** The command (argv, never a shell string); empty: the image's default. */
    public List<String> command() {
        return command;
    }

    /** Extra environment variables. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The GPUs to give the container; empty: none. */
    public Optional<GpuRequest> gpus() {
        return Optional.ofNullable(gpus);
    }

    /** How GPUs are attached (default {@link Attach#AUTO}). */
    public Attach attach() {
        return attach;
    }

    /** Whether {@link Attach#AUTO} may choose {@link Attach#INJECT} (default false). */
    public boolean allowInject() {
        return allowInject;
    }

    /** When to pull (default {@link PullPolicy#MISSING}). */
    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    /** The limit from start to exit; empty: none. On expiry the container is killed and removed. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The limit of a pull (default 10 minutes). */
    public Duration pullTimeout() {
        return pullTimeout;
    }

    /** Labels added to the container (gpuenv's own are added as well). */
    public Map<String, String> labels() {
        return labels;
    }

    /** The network mode (default {@code none}). */
    public String network() {
        return network;
    }

    /** The user ({@code uid[:gid]} or a name); empty: the image's. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Whether the root filesystem is read-only (default false). */
    public boolean readOnlyRootfs() {
        return readOnlyRootfs;
    }

    /** The memory limit; empty: none. */
    public Optional<Long> memoryLimitBytes() {
        return Optional.ofNullable(memoryLimitBytes);
    }

    /** Capabilities added back after dropping all, e.g. {@code CHOWN}. */
    public List<String> capabilitiesAdded() {
        return capabilitiesAdded;
    }

    /** The most bytes of each of stdout and stderr kept in the result. */
    public int maxOutputBytes() {
        return maxOutputBytes;
    }

    /** The escape hatch applied last to docker-java's create command; empty: none. */
    public Optional<Consumer<CreateContainerCmd>> createContainerCmdModifier() {
        return Optional.ofNullable(createContainerCmdModifier);
    }

    /**
     * Whether the run is checked before anything is created (default true): the image's platform, the GPU
     * selection against the engine host's GPUs and the image's {@code NVIDIA_REQUIRE_*} against its driver, each
     * only where gpuenv knows the facts. See {@code docs/preflight.md}.
     */
    public boolean preflight() {
        return preflight;
    }

    @Override
    public String toString() {
        return "RunOptions[image=" + image + ", command=" + command + ", gpus=" + gpus + ", attach=" + attach
                + ", pull=" + pullPolicy + ", timeout=" + timeout + ", network=" + network + "]";
    }

    /** Builds {@link RunOptions}. */
    public static final class Builder {
        private final String image;
        private List<String> command = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private GpuRequest gpus;
        private Attach attach = Attach.AUTO;
        private boolean allowInject;
        private PullPolicy pullPolicy = PullPolicy.MISSING;
        private Duration timeout;
        private Duration pullTimeout = Duration.ofMinutes(10);
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String network = "none";
        private String user;
        private boolean readOnlyRootfs;
        private Long memoryLimitBytes;
        private final List<String> capabilitiesAdded = new ArrayList<>();
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private Consumer<CreateContainerCmd> createContainerCmdModifier;
        private boolean preflight = true;

        private Builder(String image) {
            Objects.requireNonNull(image, "image");
            if (image.isBlank()) {
                throw new IllegalArgumentException("image is blank");
            }
            this.image = image;
        }

        private Builder(RunOptions o) {
            this.image = o.image;
            this.command = new ArrayList<>(o.command);
            this.environment.putAll(o.environment);
            this.gpus = o.gpus;
            this.attach = o.attach;
            this.allowInject = o.allowInject;
            this.pullPolicy = o.pullPolicy;
            this.timeout = o.timeout;
            this.pullTimeout = o.pullTimeout;
            this.labels.putAll(o.labels);
            this.network = o.network;
            this.user = o.user;
            this.readOnlyRootfs = o.readOnlyRootfs;
            this.memoryLimitBytes = o.memoryLimitBytes;
            this.capabilitiesAdded.addAll(o.capabilitiesAdded);
            this.maxOutputBytes = o.maxOutputBytes;
            this.createContainerCmdModifier = o.createContainerCmdModifier;
            this.preflight = o.preflight;
        }

        /** The command, as argv. */
        public Builder command(String... argv) {
            return command(List.of(argv));
        }

        /** The command, as argv. */
        public Builder command(List<String> argv) {
            this.command = new ArrayList<>(argv);
            return this;
        }

        /** One environment variable. */
        public Builder env(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The GPUs; {@code null}: none. */
        public Builder gpus(GpuRequest gpus) {
            this.gpus = gpus;
            return this;
        }

        /** How GPUs are attached. */
        public Builder attach(Attach attach) {
            this.attach = Objects.requireNonNull(attach, "attach");
            return this;
        }

        /** Let {@link Attach#AUTO} choose {@link Attach#INJECT} when the engine has no GPU path. */
        public Builder allowInject(boolean allowed) {
            this.allowInject = allowed;
            return this;
        }

        /** When to pull. */
        public Builder pullPolicy(PullPolicy policy) {
            this.pullPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The limit from start to exit; {@code null}: none. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout <= 0");
            }
            this.timeout = timeout;
            return this;
        }

        /** The limit of a pull. */
        public Builder pullTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pullTimeout <= 0");
            }
            this.pullTimeout = timeout;
            return this;
        }

        /** One more label. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The network mode, e.g. {@code bridge}; default {@code none}. */
        public Builder network(String network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        /** The user. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** A read-only root filesystem. */
        public Builder readOnlyRootfs(boolean readOnly) {
            this.readOnlyRootfs = readOnly;
            return this;
        }

        /** A memory limit. */
        public Builder memoryLimitBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memoryLimitBytes <= 0");
            }
            this.memoryLimitBytes = bytes;
            return this;
        }

        /** Add a capability back (all are dropped by default), e.g. {@code CHOWN}. */
        public Builder addCapability(String capability) {
            capabilitiesAdded.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        /** The most bytes kept of each output stream. */
        public Builder maxOutputBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxOutputBytes < 0");
            }
            this.maxOutputBytes = bytes;
            return this;
        }

        /** Changes docker-java's create command after gpuenv has set it up (what the builder does not cover). */
        public Builder withCreateContainerCmdModifier(Consumer<CreateContainerCmd> modifier) {
            this.createContainerCmdModifier = modifier;
            return this;
        }

        /**
         * Whether to check the run before anything is created (default true); false lets the engine (and the
         * NVIDIA Container Toolkit) answer for themselves, as {@code gpuenv run --no-preflight}.
         */
        public Builder preflight(boolean enabled) {
            this.preflight = enabled;
            return this;
        }

        /** The options. */
        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
