package io.github.gpuenv.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.github.gpuenv.docker.internal.CpuSyntax;
import io.github.gpuenv.docker.internal.SpecText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What to run and how. Least privilege by default: no network ({@code none}), every capability dropped,
 * {@code no-new-privileges}, never privileged. Immutable; {@link #toBuilder()} copies.
 *
 * <p>{@code RunOptions.builder("nvidia/cuda:12.4.1-base-ubuntu22.04").command("nvidia-smi", "-L")
 * .gpus(GpuRequest.all()).timeout(Duration.ofMinutes(1)).build()}
 *
 * <p>For real workloads: mounts ({@link Builder#volume}), published ports ({@link Builder#publish}, with a
 * {@link Builder#network network}), working directory, entrypoint, name, {@code /dev/shm} size, IPC mode, ulimits,
 * extra hosts, memory and CPU limits, {@code --init} — each also in the Docker CLI's syntax, read by one value type
 * ({@link Mount}, {@link PortBinding}, {@link Ulimit}, {@link IpcMode}, {@link ExtraHost}, {@link ByteSize}). Every
 * builder method validates at once ({@link IllegalArgumentException} with the CLI's words where it has them);
 * {@link Builder#build()} checks what only the whole can tell (ports on a network that cannot publish them).
 */
public final class RunOptions {

    /** The prefix of gpuenv's own labels, which {@link Builder#label} refuses. */
    static final String RESERVED_LABELS = "io.github.gpuenv.";

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
    private final List<Mount> mounts;
    private final String workingDir;
    private final List<String> entrypoint;
    private final String name;
    private final Long shmSizeBytes;
    private final IpcMode ipc;
    private final List<Ulimit> ulimits;
    private final List<PortBinding> ports;
    private final List<ExtraHost> extraHosts;
    private final Long nanoCpus;
    private final String cpusetCpus;
    private final boolean init;
    private final boolean outliveSession;
    private final Duration stopTimeout;

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
        this.mounts = List.copyOf(b.mounts);
        this.workingDir = b.workingDir;
        this.entrypoint = b.entrypoint == null ? null : List.copyOf(b.entrypoint);
        this.name = b.name;
        this.shmSizeBytes = b.shmSizeBytes;
        this.ipc = b.ipc;
        this.ulimits = List.copyOf(b.ulimits.values());
        this.ports = List.copyOf(b.ports);
        this.extraHosts = List.copyOf(b.extraHosts);
        this.nanoCpus = b.nanoCpus;
        this.cpusetCpus = b.cpusetCpus;
        this.init = b.init;
        this.outliveSession = b.outliveSession;
        this.stopTimeout = b.stopTimeout;
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

    /** Bind mounts and volumes ({@code -v}), in the order given. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** The working directory in the container ({@code -w}); empty: the image's. */
    public Optional<String> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    /**
     * The entrypoint ({@code --entrypoint}), as argv; empty: the image's. A present empty list resets the image's
     * entrypoint ({@code --entrypoint ""}): the command then runs by itself.
     */
    public Optional<List<String>> entrypoint() {
        return Optional.ofNullable(entrypoint);
    }

    /** The container's name ({@code --name}); empty: one the engine makes up. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The size of {@code /dev/shm} ({@code --shm-size}); empty: the engine's default, 64 MiB. */
    public Optional<Long> shmSizeBytes() {
        return Optional.ofNullable(shmSizeBytes);
    }

    /** The IPC namespace ({@code --ipc}); empty: the engine's default. */
    public Optional<IpcMode> ipc() {
        return Optional.ofNullable(ipc);
    }

    /** Resource limits ({@code --ulimit}), one per name (a later one for a name replaced an earlier one). */
    public List<Ulimit> ulimits() {
        return ulimits;
    }

    /** Published ports ({@code -p}). */
    public List<PortBinding> ports() {
        return ports;
    }

    /** Extra {@code /etc/hosts} entries ({@code --add-host}). */
    public List<ExtraHost> extraHosts() {
        return extraHosts;
    }

    /** The CPU limit in billionths of a CPU ({@code --cpus 1.5} is 1 500 000 000); empty: none. */
    public Optional<Long> nanoCpus() {
        return Optional.ofNullable(nanoCpus);
    }

    /** The CPUs the container may run on ({@code --cpuset-cpus}, e.g. {@code 0-3}); empty: all. */
    public Optional<String> cpusetCpus() {
        return Optional.ofNullable(cpusetCpus);
    }

    /** Whether an init process (the engine's {@code docker-init}, tini) runs as PID 1 ({@code --init}). */
    public boolean init() {
        return init;
    }

    /**
     * Whether a container of {@link DockerGpu#start} outlives its {@code DockerGpu} and this JVM (default false: it
     * is removed when the {@code DockerGpu} closes or the JVM exits). Such a container carries
     * {@code io.github.gpuenv.outlive-session=true}, and no sweep of any gpuenv ever removes it; only
     * {@link GpuContainer#close()} or {@code docker rm} does.
     */
    public boolean outliveSession() {
        return outliveSession;
    }

    /**
     * How long {@code stop} waits after SIGTERM before SIGKILL when no grace is given ({@code --stop-timeout});
     * empty: the engine's default, 10 s.
     */
    public Optional<Duration> stopTimeout() {
        return Optional.ofNullable(stopTimeout);
    }

    @Override
    public String toString() {
        return "RunOptions[image=" + image + ", command=" + command + ", gpus=" + gpus + ", attach=" + attach
                + ", pull=" + pullPolicy + ", timeout=" + timeout + ", network=" + network
                + (mounts.isEmpty() ? "" : ", mounts=" + mounts) + (ports.isEmpty() ? "" : ", ports=" + ports)
                + (name == null ? "" : ", name=" + name) + (outliveSession ? ", outliveSession" : "") + "]";
    }

    /** Builds {@link RunOptions}. */
    public static final class Builder {
        private static final Pattern CONTAINER_NAME =
                Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
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
        private final List<Mount> mounts = new ArrayList<>();
        private String workingDir;
        private List<String> entrypoint;
        private String name;
        private Long shmSizeBytes;
        private IpcMode ipc;
        private final Map<String, Ulimit> ulimits = new LinkedHashMap<>();
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<ExtraHost> extraHosts = new ArrayList<>();
        private Long nanoCpus;
        private String cpusetCpus;
        private boolean init;
        private boolean outliveSession;
        private Duration stopTimeout;

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
            this.mounts.addAll(o.mounts);
            this.workingDir = o.workingDir;
            this.entrypoint = o.entrypoint;
            this.name = o.name;
            this.shmSizeBytes = o.shmSizeBytes;
            this.ipc = o.ipc;
            o.ulimits.forEach(u -> this.ulimits.put(u.name(), u));
            this.ports.addAll(o.ports);
            this.extraHosts.addAll(o.extraHosts);
            this.nanoCpus = o.nanoCpus;
            this.cpusetCpus = o.cpusetCpus;
            this.init = o.init;
            this.outliveSession = o.outliveSession;
            this.stopTimeout = o.stopTimeout;
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

        /**
         * One more label ({@code -l key=value}).
         *
         * @throws IllegalArgumentException for an empty key, or one under {@code io.github.gpuenv.}, which are
         *         gpuenv's own (its sweeps read them)
         */
        public Builder label(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty label key");
            }
            if (key.startsWith(RESERVED_LABELS)) {
                throw new IllegalArgumentException("labels under " + RESERVED_LABELS + " are gpuenv's own: "
                        + SpecText.quote(key));
            }
            labels.put(key, value);
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

        /** A memory limit in Docker CLI syntax ({@code --memory 8g}, {@link ByteSize#parse}). */
        public Builder memory(String size) {
            return memoryLimitBytes(ByteSize.parse(size).bytes());
        }

        /** A bind mount or volume ({@link Mount}). */
        public Builder mount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        /** A bind mount or volume in {@code -v} syntax, e.g. {@code /data:/data:ro} ({@link Mount#parse}). */
        public Builder volume(String spec) {
            return mount(Mount.parse(spec));
        }

        /**
         * The working directory in the container ({@code -w}), created when missing.
         *
         * @throws IllegalArgumentException when it is not absolute
         */
        public Builder workingDir(String dir) {
            Objects.requireNonNull(dir, "dir");
            if (!dir.startsWith("/")) {
                throw new IllegalArgumentException("the working directory "
                        + SpecText.quote(dir)
                        + " is invalid, it needs to be an absolute path");
            }
            this.workingDir = dir;
            return this;
        }

        /** The entrypoint, as argv; none: reset the image's ({@code --entrypoint ""}). */
        public Builder entrypoint(String... argv) {
            return entrypoint(List.of(argv));
        }

        /** The entrypoint, as argv; an empty list resets the image's ({@code --entrypoint ""}). */
        public Builder entrypoint(List<String> argv) {
            this.entrypoint = new ArrayList<>(argv);
            return this;
        }

        /**
         * The container's name ({@code --name}).
         *
         * @throws IllegalArgumentException unless it is {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+} (the engine's rule)
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!CONTAINER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid container name "
                        + SpecText.quote(name)
                        + ", only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed (at least two characters)");
            }
            this.name = name;
            return this;
        }

        /** The size of {@code /dev/shm}, e.g. {@code 16g} ({@code --shm-size}, {@link ByteSize#parse}); 0: the default. */
        public Builder shmSize(String size) {
            long bytes = ByteSize.parse(size).bytes();
            return bytes == 0 ? clearShmSize() : shmSizeBytes(bytes);
        }

        /** The size of {@code /dev/shm} in bytes. */
        public Builder shmSizeBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("shmSizeBytes <= 0");
            }
            this.shmSizeBytes = bytes;
            return this;
        }

        private Builder clearShmSize() {
            this.shmSizeBytes = null;
            return this;
        }

        /** The IPC namespace ({@code --ipc}). */
        public Builder ipc(IpcMode mode) {
            this.ipc = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The IPC namespace in {@code --ipc} syntax ({@link IpcMode#parse}). */
        public Builder ipc(String mode) {
            return ipc(IpcMode.parse(mode));
        }

        /** A resource limit; replaces an earlier one of the same name. */
        public Builder ulimit(Ulimit ulimit) {
            Objects.requireNonNull(ulimit, "ulimit");
            ulimits.put(ulimit.name(), ulimit);
            return this;
        }

        /** A resource limit in {@code --ulimit} syntax, e.g. {@code memlock=-1} ({@link Ulimit#parse}). */
        public Builder ulimit(String spec) {
            return ulimit(Ulimit.parse(spec));
        }

        /** A published port (needs a network other than {@code none}/{@code host}: {@link #network}). */
        public Builder publish(PortBinding port) {
            ports.add(Objects.requireNonNull(port, "port"));
            return this;
        }

        /** Published ports in {@code -p} syntax, e.g. {@code 127.0.0.1::8000} ({@link PortBinding#parseAll}). */
        public Builder publish(String spec) {
            ports.addAll(PortBinding.parseAll(spec));
            return this;
        }

        /** An {@code /etc/hosts} entry. */
        public Builder addHost(ExtraHost host) {
            extraHosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /** An {@code /etc/hosts} entry in {@code --add-host} syntax, e.g. {@code db:10.0.0.5} ({@link ExtraHost#parse}). */
        public Builder addHost(String spec) {
            return addHost(ExtraHost.parse(spec));
        }

        /** A CPU limit in CPUs, e.g. {@code 1.5} ({@code --cpus}; exact to a billionth). */
        public Builder cpus(String cpus) {
            return nanoCpus(CpuSyntax.nanoCpus(Objects.requireNonNull(cpus, "cpus")));
        }

        /** A CPU limit in billionths of a CPU. */
        public Builder nanoCpus(long nanoCpus) {
            if (nanoCpus <= 0) {
                throw new IllegalArgumentException("nanoCpus <= 0");
            }
            this.nanoCpus = nanoCpus;
            return this;
        }

        /** The CPUs the container may use, e.g. {@code 0-3,8} ({@code --cpuset-cpus}). */
        public Builder cpusetCpus(String cpus) {
            this.cpusetCpus = CpuSyntax.cpuset(Objects.requireNonNull(cpus, "cpus"));
            return this;
        }

        /** Run an init process as PID 1 ({@code --init}), which forwards signals and reaps zombies. */
        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        /**
         * For {@link DockerGpu#start}: let the container outlive its {@code DockerGpu} and this JVM (no sweep
         * removes it; {@link GpuContainer#close()} or {@code docker rm} does). {@link DockerGpu#run} refuses it.
         */
        public Builder outliveSession(boolean outlive) {
            this.outliveSession = outlive;
            return this;
        }

        /** How long a stop without grace waits before SIGKILL ({@code --stop-timeout}, whole seconds). */
        public Builder stopTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("stopTimeout < 0");
            }
            this.stopTimeout = timeout;
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

        /**
         * The options.
         *
         * @throws IllegalArgumentException when ports are published on a network that cannot publish them
         *         ({@code none}, gpuenv's default; {@code host}; {@code container:…}), or two mounts share a target
         */
        public RunOptions build() {
            if (!ports.isEmpty() && (network.equals("none") || network.equals("host")
                    || network.startsWith("container:"))) {
                throw new IllegalArgumentException("published ports need a network of the container's own, and the"
                        + " network is " + network + (network.equals("none") ? " (gpuenv's default)" : "")
                        + ": set network(\"bridge\") (CLI: --network bridge) or another network");
            }
            java.util.Set<String> targets = new java.util.HashSet<>();
            for (Mount m : mounts) {
                if (!targets.add(m.target())) {
                    throw new IllegalArgumentException("duplicate mount point: " + m.target());
                }
            }
            return new RunOptions(this);
        }
    }
}
