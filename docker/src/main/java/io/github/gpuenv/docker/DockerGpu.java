package io.github.gpuenv.docker;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.docker.internal.ContainerRunner;
import io.github.gpuenv.docker.internal.DaemonClock;
import io.github.gpuenv.docker.internal.EngineConnection;
import io.github.gpuenv.docker.internal.EngineFailures;
import io.github.gpuenv.docker.internal.EngineInspector;
import io.github.gpuenv.docker.internal.EngineSession;
import io.github.gpuenv.docker.internal.ImagePuller;
import io.github.gpuenv.docker.internal.LeftoverSweeper;
import io.github.gpuenv.docker.internal.PreflightFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches containers with GPUs on a Docker Engine. One instance holds one connection (safe for many threads at
 * once); close it when done.
 *
 * <pre>{@code
 * try (DockerGpu docker = DockerGpu.connect()) {
 *     RunResult r = docker.run(RunOptions.builder("nvidia/cuda:12.4.1-base-ubuntu22.04")
 *             .command("nvidia-smi", "-L").gpus(GpuRequest.all()).timeout(Duration.ofMinutes(2)).build());
 *     System.out.print(r.stdout());
 * }
 * }</pre>
 *
 * <p>The endpoint is docker-java's choice ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the default socket or named
 * pipe); the API version is negotiated with the engine. {@link #connect()} costs two requests ({@code /version},
 * {@code /info}) and a sweep of leftovers ({@link #removeLeftovers()}). Every container carries the label
 * {@code io.github.gpuenv.managed=true} and its session's id, and is force-removed on every path: exit, failure,
 * timeout, interrupt; when the daemon itself dies mid-run, a later {@code connect()} (or {@link #removeLeftovers()})
 * removes it once it is provably abandoned, and a JVM shutdown hook removes containers still running when the process
 * exits. Other sessions' containers — in this JVM, in other processes, in sibling containers sharing the socket — are
 * never touched while their owners live. {@link #start(RunOptions)} starts a container detached ({@link GpuContainer}):
 * it lives until closed, or until this {@code DockerGpu} closes, unless it was asked to outlive it.
 */
public final class DockerGpu implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerGpu.class);

    private final EngineConnection connection;
    private final DockerEngine engine;
    private final ConnectOptions options;
    private final DaemonClock clock;
    private final EngineSession session;
    private final PreflightFacts preflightFacts;
    /** Detached containers of this session still open (removed at {@link #close()} unless they outlive it). */
    private final java.util.Set<io.github.gpuenv.docker.internal.ContainerHandle> detached =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    private DockerGpu(EngineConnection connection, DockerEngine engine, DaemonClock clock, ConnectOptions options) {
        this.connection = connection;
        this.engine = engine;
        this.options = options;
        this.clock = clock;
        this.session = EngineSession.open(connection::control, clock, options.leaseDuration());
        this.preflightFacts = new PreflightFacts(() -> connection.get("/info").body(), connection.endpoint(),
                engine.dockerDesktop(), options.hostFacts(), options.hostFactsDescribeEngineHost());
    }

    /** Connects with {@link ConnectOptions#defaults()}. */
    public static DockerGpu connect() {
        return connect(ConnectOptions.defaults());
    }

    /**
     * Connects, reads the engine's facts and (by default) removes leftovers.
     *
     * @throws DockerUnavailableException when the engine cannot be reached or spoken to
     */
    public static DockerGpu connect(ConnectOptions options) {
        EngineConnection connection = EngineConnection.open(options.environment(), options.connectTimeout(), null,
                options.requestTimeout());
        try {
            EngineInspector.Inspected inspected = EngineInspector.inspected(connection, options.files());
            DockerGpu gpu = new DockerGpu(connection, inspected.engine(),
                    DaemonClock.fromSystemTime(inspected.info().systemTime()), options);
            if (options.removeLeftovers()) {
                int removed = gpu.removeLeftovers();
                if (removed > 0) {
                    LOG.debug("removed {} leftover gpuenv containers on {}", removed, connection.endpoint());
                }
            }
            return gpu;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The engine's facts as of {@link #connect()} (endpoint, versions, runtimes, CDI, GPU path). */
    public DockerEngine engine() {
        return engine;
    }

    /**
     * Runs a container to its end and returns its exit code and output. Before anything is created it is checked
     * ({@link RunOptions#preflight()}, on by default): the image's platform, and with GPUs the selection against
     * the engine host's GPUs and the image's {@code NVIDIA_REQUIRE_*} against its driver — each only where gpuenv
     * knows the facts (see {@code docs/preflight.md}).
     *
     * @throws CudaRequirementUnsatisfiedException when preflight finds the image's CUDA requirement unmet (nothing
     *         was created)
     * @throws GpuSelectionInvalidException when preflight finds the GPU selection unservable (nothing was created)
     * @throws ImagePlatformMismatchException when preflight finds the image built for another platform (nothing
     *         was created)
     * @throws DockerGpuException (a subclass naming the condition) when gpuenv or the daemon fails; the container
     *         is removed in every case
     */
    public RunResult run(RunOptions options) {
        return runner()
                .run(options, null, PullListener.none());
    }

    /**
     * What {@link #run} would send to the engine for {@code options}, and preflight's verdict, without creating
     * anything (and without pulling: an image the engine lacks is judged without its configuration). A run
     * prepares its container by the same code, so the plan is what a run would create — its device requests, CDI
     * names, mounts, devices, environment, labels, image and command. One image inspection; the engine host's
     * facts as for a run ({@link ConnectOptions#hostFacts()}).
     *
     * <p>{@code System.out.print(docker.plan(options).toText());}
     *
     * @throws DockerGpuException when the engine fails to answer the inspection
     */
    public LaunchPlan plan(RunOptions options) {
        return runner().plan(options);
    }

    private ContainerRunner runner() {
        return new ContainerRunner(connection, engine, this.options.injectionPlanner(), session, preflightFacts);
    }

    /** Runs a container, streaming its output to {@code output} as it arrives. */
    public RunResult run(RunOptions options, OutputListener output) {
        return run(options, output, PullListener.none());
    }

    /** Runs a container, streaming its output and any pull's progress. */
    public RunResult run(RunOptions options, OutputListener output, PullListener pull) {
        return runner().run(options, output, pull);
    }

    /**
     * Starts a container detached and returns once the engine started it: pull (per the pull policy), preflight
     * (as {@link #run}, with the engine host's facts), create, start — bounded as in {@link #run},
     * {@link RunOptions#timeout()} bounding the create and the start. The container then runs until {@link GpuContainer#stop}/{@link GpuContainer#close()}; it is removed with this
     * {@code DockerGpu} ({@link #close()}), or when the JVM exits, unless
     * {@link RunOptions.Builder#outliveSession(boolean)}. Its output is not kept: {@link GpuContainer#logs} follows
     * it.
     *
     * <p>{@code GpuContainer c = docker.start(RunOptions.builder(image).network("bridge").publish("8080").build());}
     *
     * @throws DockerGpuException (a subclass naming the condition) when the pull, create or start fails; the
     *         container is removed in every such case
     * @throws IllegalStateException when this {@code DockerGpu} is closed
     */
    public GpuContainer start(RunOptions options) {
        return start(options, PullListener.none());
    }

    /** {@link #start(RunOptions)}, with a pull's progress. */
    public GpuContainer start(RunOptions options, PullListener pull) {
        java.util.Objects.requireNonNull(options, "options");
        java.util.Objects.requireNonNull(pull, "pull");
        if (!open) {
            throw new IllegalStateException("this DockerGpu is closed");
        }
        io.github.gpuenv.docker.internal.ContainerHandle handle = runner().start(options, pull);
        if (!handle.outlivesSession()) {
            detached.add(handle);
            handle.onClosed(() -> detached.remove(handle));
            if (!open) {
                handle.reap();
                throw new IllegalStateException("this DockerGpu was closed while the container started; it was"
                        + " removed");
            }
        }
        return new GpuContainer(handle, this);
    }

    /** Whether {@link #close()} has not been called. */
    boolean isOpen() {
        return open;
    }

    /**
     * What {@link #run} does to a container's create request to give it {@code request}'s GPUs on this engine —
     * toolkit or CDI device requests, or (with {@code allowInject}) the injection plan's devices, mounts and
     * environment — for containers that another library creates (Testcontainers: {@code gpuenv-testcontainers}).
     * The attachment is decided now, from this connection's engine facts; the returned modifier only applies it.
     *
     * <p>{@code container.withCreateContainerCmdModifier(docker.gpuModifier(GpuRequest.all(), Attach.AUTO, false));}
     */
    public java.util.function.Consumer<com.github.dockerjava.api.command.CreateContainerCmd> gpuModifier(
            GpuRequest request, Attach attach, boolean allowInject) {
        io.github.gpuenv.docker.internal.GpuAttachment gpu = io.github.gpuenv.docker.internal.GpuAttachment.decide(
                request, attach, allowInject, engine, this.options.injectionPlanner());
        return gpu::applyTo;
    }

    /**
     * Makes {@code image} present according to {@code policy}; returns whether it pulled.
     *
     * @throws ImageNotFoundException when it is absent under {@link PullPolicy#NEVER} or the registry lacks it
     */
    public boolean pull(String image, PullPolicy policy, PullListener listener) {
        return ImagePuller.ensure(connection, image, policy, java.time.Duration.ofMinutes(30), listener);
    }

    /**
     * The images the engine already has, by {@code repo:tag}, newest first (untagged images are left out): what can
     * run here without a registry.
     *
     * @throws DockerUnavailableException when the engine does not answer within the request timeout
     */
    public java.util.List<String> localImages() {
        return io.github.gpuenv.docker.internal.LocalImages.tags(connection);
    }

    /** Whether the engine has {@code image}. */
    public boolean hasImage(String image) {
        return ImagePuller.present(connection, image);
    }

    /**
     * Removes the containers gpuenv created that are provably abandoned (left when a daemon died mid-run, or a process
     * was killed); returns how many. It never touches a container it cannot prove is gpuenv's and abandoned — on a
     * shared engine, other processes' runs are safe:
     * <ul>
     *   <li>a container without gpuenv's session and owner labels (anyone else's, or an older gpuenv's) is kept;</li>
     *   <li>one made in this process is removed only when the {@code DockerGpu} that made it is closed or no longer
     *       running it;</li>
     *   <li>one made by another process that this one can see (same host boot, same PID namespace) is removed only
     *       when that process has ended;</li>
     *   <li>one made by a process this one cannot see (a CI job in a sibling container sharing the socket, another
     *       host) is removed only when that session's lease has expired by the engine's clock — see
     *       {@link ConnectOptions#leaseDuration()}.</li>
     * </ul>
     * A container's state (running, exited) is never taken as evidence. Lapsed lease volumes
     * ({@code gpuenv-lease-*}) that keep no container are removed too.
     */
    public int removeLeftovers() {
        try {
            return LeftoverSweeper.sweep(connection.control(), clock);
        } catch (RuntimeException e) {
            throw EngineFailures.unavailable(connection.endpoint(), "list gpuenv containers", e);
        }
    }

    /** The endpoint without credentials. */
    public String endpoint() {
        return connection.endpoint();
    }

    /**
     * Closes the connection. Detached containers of this session still open are force-removed first (SIGKILL; close
     * them before for a graceful stop); those started to outlive the session are left running.
     */
    @Override
    public void close() {
        open = false;
        for (io.github.gpuenv.docker.internal.ContainerHandle handle : java.util.List.copyOf(detached)) {
            handle.reap();
        }
        session.close();
        connection.close();
    }
}
