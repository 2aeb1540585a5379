package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitResponse;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.docker.ContainerInterruptedException;
import io.github.gpuenv.docker.ContainerTimeoutException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.InjectionPlanner;
import io.github.gpuenv.docker.LaunchPlan;
import io.github.gpuenv.docker.LaunchTimings;
import io.github.gpuenv.docker.LogStream;
import io.github.gpuenv.docker.OutputListener;
import io.github.gpuenv.docker.PullListener;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.RunResult;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one container: ensure the image → prepare (GPU attachment, create request, {@link Preflight}: a refusal
 * ends the run here, nothing created) → create (labels, least privilege, GPU attachment) → start → stream logs →
 * wait (timeout, interrupt) → exit code, and force-removes it on every path. A GPU request is accepted at create
 * and fails at start, so the removal in {@code finally} also covers start failures. Daemon errors become typed
 * exceptions ({@link DaemonErrorMapper}); a removal that fails (the daemon died) is left to
 * {@link LeftoverSweeper}.
 *
 * <p>{@code RunResult r = new ContainerRunner(connection, engine, planner, session).run(options, OutputListener.none(), PullListener.none());}
 */
public final class ContainerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRunner.class);
    /** How long output may trail the exit code. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How long a removal is waited for before it is left to go on in the background. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(15);

    private final EngineConnection connection;
    private final DockerEngine engine;
    private final InjectionPlanner planner;
    private final EngineSession session;
    private final PreflightFacts preflightFacts;

    public ContainerRunner(EngineConnection connection, DockerEngine engine, InjectionPlanner planner,
                           EngineSession session) {
        this(connection, engine, planner, session, null);
    }

    /**
     * @param preflightFacts the engine host's facts for preflight (one per {@code DockerGpu}); null: none known, so
     *        preflight judges only the image's platform
     */
    public ContainerRunner(EngineConnection connection, DockerEngine engine, InjectionPlanner planner,
                           EngineSession session, PreflightFacts preflightFacts) {
        this.connection = connection;
        this.engine = engine;
        this.planner = planner;
        this.session = session;
        this.preflightFacts = preflightFacts;
    }

    /**
     * Runs {@code options} to the end.
     *
     * @param listener receives output as it arrives (the logs are followed); {@code null}: no streaming, the output
     *        is read once after the exit (one request fewer, and no wait for the follow stream to close)
     */
    public RunResult run(RunOptions options, OutputListener listener, PullListener pullListener) {
        if (options.outliveSession()) {
            throw new IllegalArgumentException("outliveSession is for DockerGpu.start; run removes its container"
                    + " when it exits");
        }
        Created created = createContainer(options, pullListener);
        long t0 = created.t0();
        long tPulled = created.tPulled();
        RunDeadline deadline = created.deadline();
        GpuAttachment gpu = created.gpu();
        String runId = created.runId();
        String id = created.id();
        String attempted = "start container " + shortId(id) + " (" + options.image() + ")";
        long tCreated = System.nanoTime();
        long tStarted = tCreated;
        long tExited = tCreated;
        Output output = new Output(options.maxOutputBytes(), listener == null ? OutputListener.none() : listener);
        ExitCode exit = new ExitCode();
        RuntimeException primary = null;
        boolean interrupted = false;
        Integer code = null;
        try {
            attempted = "start container " + shortId(id) + " (" + options.image() + ")";
            startContainer(id, attempted, deadline);
            tStarted = System.nanoTime();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            attempted = "run container " + shortId(id) + " (" + options.image() + ")";
            DockerClient client = connection.client();
            if (listener != null) {
                client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
            }
            client.waitContainerCmd(id).exec(exit);
            code = awaitExit(exit.code, deadline, options.timeout().orElse(null), attempted);
            if (listener == null) {
                client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false).exec(output);
            }
            output.awaitDrained(DRAIN);
            tExited = System.nanoTime();
        } catch (InterruptedException e) {
            interrupted = true;
            primary = new ContainerInterruptedException(attempted, "interrupted while the container ran; it was"
                    + " killed and removed", e);
        } catch (RuntimeException e) {
            primary = failure(attempted, e);
        } finally {
            interrupted |= Thread.interrupted();
            closeQuietly(output);
            closeQuietly(exit);
            RuntimeException removal = removeContainer(id);
            session.end(runId, removal == null);
            if (removal != null && primary != null) {
                primary.addSuppressed(removal);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                if (primary == null || !(primary instanceof ContainerInterruptedException)) {
                    RuntimeException cause = primary;
                    primary = new ContainerInterruptedException(attempted, "interrupted while the container ran;"
                            + " it was killed and removed", cause);
                }
            }
        }
        if (primary != null) {
            throw primary;
        }
        long tRemoved = System.nanoTime();
        LaunchTimings timings = new LaunchTimings(nanos(t0, tPulled), nanos(tPulled, tCreated),
                nanos(tCreated, tStarted), nanos(tStarted, tExited), nanos(tExited, tRemoved), nanos(t0, tRemoved));
        return new RunResult(code, output.stdout.text(), output.stderr.text(),
                output.stdout.truncated() || output.stderr.truncated(), id, gpu == null ? null : gpu.attach(),
                timings);
    }

    /**
     * What a dry run shows: the create request of {@code options} and preflight's verdict, prepared as
     * {@link #run} prepares it; nothing is pulled (an absent image is judged without its configuration) and nothing
     * is created.
     */
    public LaunchPlan plan(RunOptions options) {
        prefetchPreflightFacts(options);
        Optional<ImageConfig> image = ImagePuller.inspect(connection, options.image(),
                RunDeadline.after(Optional.empty())).map(i -> ImageConfig.of(options.image(), i));
        Prepared prepared = prepare(options, image, UUID.randomUUID().toString(),
                RunDeadline.after(Optional.empty()));
        prepared.create().close();
        return LaunchPlans.of(connection.endpoint(), prepared.create(), prepared.gpu(), image.orElse(null),
                options.preflight(), prepared.preflight(), connection.config().getObjectMapper());
    }

    /**
     * A run prepared: its GPU attachment, its create command and preflight's verdict on them.
     *
     * @param gpu the attachment; null when no GPUs are requested
     * @param create the create command (not sent)
     * @param preflight the checks and the refusal, if any
     */
    record Prepared(GpuAttachment gpu, CreateContainerCmd create, Preflight.Result preflight) {
    }

    /** The one place a run is prepared, for {@link #run} and {@link #plan}: attachment, create command, preflight. */
    private Prepared prepare(RunOptions options, Optional<ImageConfig> image, String runId, RunDeadline deadline) {
        GpuAttachment gpu = options.gpus().map(r -> GpuAttachment.decide(r, options.attach(), options.allowInject(),
                engine, planner)).orElse(null);
        CreateContainerCmd create = createCommand(options, gpu, runId);
        if (!options.preflight()) {
            return new Prepared(gpu, create, Preflight.off());
        }
        // a run with GPUs waits (bounded) for the engine host's facts; one without takes them only if known
        Optional<PreflightFacts.HostFacts> facts = preflightFacts == null ? Optional.empty() : preflightFacts.peek();
        if (preflightFacts != null && gpu != null) {
            try {
                // within the run's deadline: a slow detection must not eat a short timeout
                facts = preflightFacts.get(deadline.limit(PreflightFacts.WAIT).orElse(PreflightFacts.WAIT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                create.close();
                throw new ContainerInterruptedException("preflight of a run of " + options.image(),
                        "interrupted while the engine host's facts were detected; nothing was created", e);
            }
        }
        Preflight.Result result = Preflight.evaluate(new Preflight.Input(options.image(), image, engine.osType(),
                options.gpus().orElse(null), gpu == null ? null : gpu.attach(), EnvPairs.parse(create.getEnv()),
                facts));
        return new Prepared(gpu, create, result);
    }

    private void prefetchPreflightFacts(RunOptions options) {
        if (preflightFacts != null && options.preflight() && options.gpus().isPresent()) {
            preflightFacts.prefetch();
        }
    }

    /**
     * Starts {@code options} detached: pull, create, start, as {@link #run} does, and returns once the engine
     * started it. On every failure of its own the container is removed. A container that outlives its session has
     * ended its run here (the session no longer removes it); any other stays a run of the session until
     * {@link ContainerHandle} removes it.
     */
    public ContainerHandle start(RunOptions options, PullListener pullListener) {
        Created created = createContainer(options, pullListener);
        String id = created.id();
        String attempted = "start container " + shortId(id) + " (" + options.image() + ")";
        RuntimeException primary = null;
        try {
            startContainer(id, attempted, created.deadline());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        } catch (InterruptedException e) {
            primary = new ContainerInterruptedException(attempted, "interrupted while the container started; it was"
                    + " removed", e);
        } catch (RuntimeException e) {
            primary = failure(attempted, e);
        }
        if (primary != null) {
            boolean interrupted = Thread.interrupted() || primary instanceof ContainerInterruptedException;
            RuntimeException removal = removeContainer(id);
            session.end(created.runId(), removal == null);
            if (removal != null) {
                primary.addSuppressed(removal);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw primary;
        }
        if (options.outliveSession()) {
            session.end(created.runId());
        }
        return new ContainerHandle(connection, session, created.runId(), id, options,
                created.gpu() == null ? null : created.gpu().attach());
    }

    /** A created container, and what its run knows so far. */
    private record Created(long t0, long tPulled, RunDeadline deadline, GpuAttachment gpu, String runId, String id) {
    }

    /**
     * Ensure the image, decide the GPU attachment, create the container (its run registered with the session
     * before the create is sent; ended again when the create fails).
     */
    private Created createContainer(RunOptions options, PullListener pullListener) {
        long t0 = System.nanoTime();
        RunDeadline deadline = RunDeadline.after(options.timeout());
        prefetchPreflightFacts(options);
        ImagePuller.Ensured ensured = ImagePuller.ensureInspected(connection, options.image(), options.pullPolicy(),
                options.pullTimeout(), deadline, pullListener);
        long tPulled = System.nanoTime();
        if (ensured.pulled()) {
            deadline = deadline.extendedBy(Duration.ofNanos(tPulled - t0));
        }
        String runId = UUID.randomUUID().toString();
        Prepared prepared = prepare(options, ensured.image().map(i -> ImageConfig.of(options.image(), i)), runId,
                deadline);
        GpuAttachment gpu = prepared.gpu();
        CreateContainerCmd create = prepared.create();
        if (prepared.preflight().refusal() != null) {
            create.close();
            throw prepared.preflight().refusal();
        }
        String attempted = "create container (" + options.image() + ")";
        session.begin(runId);
        String id;
        try {
            id = create(create, attempted, runId, deadline);
        } catch (RuntimeException e) {
            session.end(runId);
            throw e;
        }
        session.created(runId, id);
        return new Created(t0, tPulled, deadline, gpu, runId, id);
    }

    private CreateContainerCmd createCommand(RunOptions options, GpuAttachment gpu, String runId) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(options.network())
                .withPrivileged(false)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(new ArrayList<>(List.of("no-new-privileges")))
                .withReadonlyRootfs(options.readOnlyRootfs());
        if (!options.capabilitiesAdded().isEmpty()) {
            host.withCapAdd(options.capabilitiesAdded().stream().map(Capability::valueOf).toArray(Capability[]::new));
        }
        options.memoryLimitBytes().ifPresent(host::withMemory);
        Map<String, String> env = new LinkedHashMap<>();
        if (gpu != null) {
            gpu.applyTo(host);
            env.putAll(gpu.environment());
            LOG.debug("GPU attach {}: {}", gpu.attach(), gpu.reason());
        }
        env.putAll(options.environment());
        Map<String, String> labels = new LinkedHashMap<>(options.labels());
        labels.putAll(session.labels(runId));
        if (options.outliveSession()) {
            labels.put(ManagedLabels.OUTLIVE, "true");
        }
        CreateContainerCmd cmd = connection.control().createContainerCmd(options.image())
                .withLabels(labels)
                .withHostConfig(host)
                .withAttachStdin(false).withAttachStdout(true).withAttachStderr(true).withTty(false);
        if (!env.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            env.forEach((k, v) -> pairs.add(k + "=" + v));
            cmd.withEnv(pairs);
        }
        if (!options.command().isEmpty()) {
            cmd.withCmd(new ArrayList<>(options.command()));
        }
        options.user().ifPresent(cmd::withUser);
        WorkloadMapper.apply(options, cmd, host);
        options.createContainerCmdModifier().ifPresent(m -> m.accept(cmd));
        return cmd;
    }

    /**
     * Sends the create on its own thread and waits for its answer — within the run's deadline and the request
     * timeout, and even when the caller is interrupted meanwhile: an interrupt that closed the request's channel
     * would lose the answer while the daemon still creates the container (found in the load test: a {@code created}
     * container left behind). After an interrupt the container is removed and {@link ContainerInterruptedException}
     * thrown with the flag set again. When no answer comes in time the run gives up with a timeout, and a late answer
     * still has its container removed (or the run's containers looked up by label when the request failed).
     */
    private String create(CreateContainerCmd create, String attempted, String runId, RunDeadline deadline) {
        CompletableFuture<String> answer = BoundedRequest.send(() -> {
            try {
                return EngineFailures.retryOnStaleConnection(() -> create.exec().getId(),
                        () -> LeftoverSweeper.removeRun(connection.control(), runId));
            } finally {
                create.close();
            }
        });
        boolean interrupted = false;
        String id;
        try {
            while (true) {
                try {
                    id = BoundedRequest.await(answer, deadline.limit(connection.requestTimeout()));
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (TimeoutException e) {
            session.abandon(runId, answer);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw EngineFailures.noAnswer(connection, attempted, deadline, "the create", e);
        } catch (RuntimeException e) {
            RuntimeException failure = createFailed(attempted, runId, e);
            if (interrupted && !(failure instanceof ContainerInterruptedException)) {
                failure = new ContainerInterruptedException(attempted, "interrupted while the container was created",
                        failure);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
        if (interrupted) {
            ContainerInterruptedException failure = new ContainerInterruptedException(attempted,
                    "interrupted while the container was created; it was removed", null);
            RuntimeException removal = removeContainer(id);
            if (removal != null) {
                failure.addSuppressed(removal);
            }
            Thread.currentThread().interrupt();
            throw failure;
        }
        return id;
    }

    /**
     * A create that failed. When its answer was lost (interrupted, or the transport broke) the daemon may still have
     * created the container, so the run's containers are looked up by run id and removed; an interruption becomes
     * {@link ContainerInterruptedException} with the flag set again.
     */
    private RuntimeException createFailed(String attempted, String runId, RuntimeException e) {
        boolean interrupted = Thread.interrupted() | EngineFailures.isInterruption(e);
        RuntimeException failure = interrupted ? new ContainerInterruptedException(attempted,
                "interrupted while the container was created; it was removed", e) : failure(attempted, e);
        if (interrupted || EngineFailures.isTransportFailure(e)) {
            try {
                LeftoverSweeper.removeRun(connection.control(), runId);
            } catch (RuntimeException removal) {
                LOG.debug("could not look up the containers of run {} (the next DockerGpu.connect() sweeps them): {}",
                        runId, removal.toString());
                failure.addSuppressed(removal);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /** Starts the container, waiting within the run's deadline and the request timeout. */
    private void startContainer(String id, String attempted, RunDeadline deadline) throws InterruptedException {
        CompletableFuture<Void> answer = BoundedRequest.send(() -> EngineFailures.retryOnStaleConnection(() -> {
            connection.control().startContainerCmd(id).exec();
            return null;
        }, () -> { }));
        try {
            BoundedRequest.await(answer, deadline.limit(connection.requestTimeout()));
        } catch (TimeoutException e) {
            throw EngineFailures.noAnswer(connection, attempted, deadline, "the start", e);
        } catch (RuntimeException e) {
            throw failure(attempted, e);
        }
    }

    private int awaitExit(CompletableFuture<Integer> code, RunDeadline deadline, Duration timeout, String attempted)
            throws InterruptedException {
        try {
            return BoundedRequest.await(code, deadline.remaining());
        } catch (TimeoutException e) {
            throw new ContainerTimeoutException(attempted, "the run took longer than its timeout of " + timeout
                    + "; the container was killed and removed", "raise the timeout, or make the command finish sooner",
                    e);
        } catch (RuntimeException e) {
            throw failure(attempted, e);
        }
    }

    /**
     * Force-removes, waiting at most {@link #REMOVAL_WAIT} (and the request timeout); returns the failure (already
     * logged) or null. A container already gone is success. A removal not answered in time goes on in the background;
     * if it fails, the container is a leftover for a later sweep (its run has ended).
     */
    private RuntimeException removeContainer(String id) {
        return remove(connection, id);
    }

    /** {@link #removeContainer(String)} for any container of {@code connection} (a detached one's handle). */
    static RuntimeException remove(EngineConnection connection, String id) {
        CompletableFuture<Void> answer = BoundedRequest.send(() -> EngineFailures.retryOnStaleConnection(() -> {
            connection.control().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return null;
        }, () -> { }));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    BoundedRequest.await(answer, RunDeadline.after(Optional.of(REMOVAL_WAIT))
                            .limit(connection.requestTimeout()));
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (NotFoundException e) {
            return null;
        } catch (TimeoutException | RuntimeException e) {
            LOG.debug("could not remove container {} (a later DockerGpu.connect() sweeps it): {}", id, e.toString());
            return new DockerGpuException("remove container " + shortId(id), "could not remove container "
                    + shortId(id) + ": " + (e instanceof TimeoutException ? "the engine did not answer within "
                    + REMOVAL_WAIT : e.getMessage()), "it is removed by a later DockerGpu.connect() or"
                    + " DockerGpu.removeLeftovers(); or `docker rm -f " + id + "`", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RuntimeException failure(String attempted, RuntimeException e) {
        return EngineFailures.typed(connection.endpoint(), attempted, e, "interrupted while the container ran; it was"
                + " killed and removed");
    }

    private static Duration nanos(long from, long to) {
        return Duration.ofNanos(Math.max(0, to - from));
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a stream failed", e);
        }
    }

    /** The wait stream: completes with the exit code, or with the failure that ended the stream. */
    private static final class ExitCode extends ResultCallback.Adapter<WaitResponse> {
        final CompletableFuture<Integer> code = new CompletableFuture<>();

        @Override
        public void onNext(WaitResponse response) {
            if (response.getStatusCode() != null) {
                code.complete(response.getStatusCode());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            code.completeExceptionally(throwable);
            super.onError(throwable);
        }

        @Override
        public void onComplete() {
            code.completeExceptionally(new IOException("the engine closed the wait stream without an exit code"));
            super.onComplete();
        }
    }

    /** The log stream: bounded copies of stdout and stderr, and each frame to the caller's listener. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        final BoundedOutput stdout;
        final BoundedOutput stderr;
        private final OutputListener listener;

        Output(int maxBytes, OutputListener listener) {
            this.stdout = new BoundedOutput(maxBytes);
            this.stderr = new BoundedOutput(maxBytes);
            this.listener = listener;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) {
                return;
            }
            LogStream stream = LogFrames.streamOf(frame);
            (stream == LogStream.STDERR ? stderr : stdout).write(payload);
            LogFrames.deliver(listener, stream, payload);
        }

        void awaitDrained(Duration limit) throws InterruptedException {
            if (!awaitCompletion(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("log stream still open {} after exit; output may be incomplete", limit);
            }
        }
    }
}
