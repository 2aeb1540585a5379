package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.ContainerInterruptedException;
import io.github.gpuenv.docker.ContainerState;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.LogFollow;
import io.github.gpuenv.docker.LogStream;
import io.github.gpuenv.docker.OutputListener;
import io.github.gpuenv.docker.PortBinding;
import io.github.gpuenv.docker.RunOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started detached container and every engine request about it, each bounded: inspect and remove by the request
 * timeout, stop by its grace plus the request timeout; log streams last until the container stops or they are
 * closed. Closing stops (SIGTERM, then SIGKILL after the grace) and force-removes it; {@linkplain #reap() reaping}
 * (its {@code DockerGpu} closes) force-removes it at once. Either ends its run in the session, unless it was started
 * to outlive the session (its run ended at start).
 *
 * <p>{@code ContainerHandle h = runner.start(options, PullListener.none()); h.await(WaitCondition.portOpen(80), limit); h.close();}
 */
public final class ContainerHandle {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerHandle.class);
    /** The engine's stop grace when the container has none of its own. */
    private static final Duration ENGINE_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(1);

    private final EngineConnection connection;
    private final EngineSession session;
    private final String runId;
    private final String id;
    private final RunOptions options;
    private final Attach attach;
    private final Set<Follow> follows = ConcurrentHashMap.newKeySet();
    private volatile List<PortBinding> ports;
    private volatile String name;
    private boolean closed;
    private Runnable onClosed = () -> { };

    ContainerHandle(EngineConnection connection, EngineSession session, String runId, String id, RunOptions options,
                    Attach attach) {
        this.connection = connection;
        this.session = session;
        this.runId = runId;
        this.id = id;
        this.options = options;
        this.attach = attach;
        this.name = options.name().orElse(null);
    }

    /** The container's id. */
    public String id() {
        return id;
    }

    /** The options it was started with. */
    public RunOptions options() {
        return options;
    }

    /** The GPU attach strategy used; {@code null} without GPUs. */
    public Attach attach() {
        return attach;
    }

    /** Whether it was started to outlive its session. */
    public boolean outlivesSession() {
        return options.outliveSession();
    }

    /** Runs {@code action} once the handle is closed or reaped (its {@code DockerGpu} forgets it). */
    public synchronized void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** Whether {@link #close()} or {@link #reap()} ran. */
    public synchronized boolean closed() {
        return closed;
    }

    /** Its name (the engine's, when none was given). */
    public String name() {
        String known = name;
        if (known == null) {
            known = inspect().name();
            name = known;
        }
        return known;
    }

    /** {@code docker inspect}, reduced. */
    public ContainerState inspect() {
        InspectContainerResponse r = request("inspect container " + shortId(), requestTimeout(),
                () -> connection.control().inspectContainerCmd(id).exec());
        ContainerState state = state(r);
        if (!state.ports().isEmpty()) {
            ports = state.ports();
        }
        return state;
    }

    /** The ports bound (known once it started; read once and kept). */
    public List<PortBinding> boundPorts() {
        List<PortBinding> known = ports;
        return known != null ? known : inspect().ports();
    }

    /**
     * The host port bound for TCP {@code containerPort}.
     *
     * @throws IllegalArgumentException when it is not published
     */
    public int hostPort(int containerPort) {
        return published(boundPorts(), containerPort)
                .orElseThrow(() -> notPublished(containerPort)).hostPort();
    }

    /** Where this process reaches TCP {@code containerPort}'s published host port. */
    public InetSocketAddress address(int containerPort) {
        PortBinding p = published(boundPorts(), containerPort).orElseThrow(() -> notPublished(containerPort));
        return InetSocketAddress.createUnresolved(connectHost(p.hostIp()), p.hostPort());
    }

    /**
     * Where a TCP probe reaches {@code containerPort} in {@code state}: its published host port, or (not published,
     * local engine) the container's address, or on the host's network ({@code network("host")}, local engine)
     * {@code 127.0.0.1}.
     */
    InetSocketAddress probeTarget(ContainerState state, int containerPort) {
        Optional<PortBinding> p = published(state.ports(), containerPort);
        if (p.isPresent()) {
            return new InetSocketAddress(connectHost(p.get().hostIp()), p.get().hostPort());
        }
        if (engineHost().isEmpty() && !state.ipAddress().isEmpty()) {
            return new InetSocketAddress(state.ipAddress(), containerPort);
        }
        if (engineHost().isEmpty() && options.network().equals("host")) {
            return new InetSocketAddress("127.0.0.1", containerPort);  // the host's own network: its port is ours
        }
        if (!state.running()) {
            return null;
        }
        throw notPublished(containerPort);
    }

    private IllegalArgumentException notPublished(int containerPort) {
        return new IllegalArgumentException("container port " + containerPort + "/tcp of " + shortId()
                + " is not published: publish it (RunOptions.Builder.publish(\"" + containerPort + "\"), CLI -p "
                + containerPort + ") with a network such as bridge");
    }

    private static Optional<PortBinding> published(List<PortBinding> ports, int containerPort) {
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol() == PortBinding.Protocol.TCP)
                .min(Comparator.comparing(p -> p.hostIp().contains(":")));
    }

    /** The host to connect to for a port bound on {@code boundIp}: the engine's host, or this one's. */
    private String connectHost(String boundIp) {
        boolean wildcard = boundIp.isEmpty() || boundIp.equals("0.0.0.0") || boundIp.equals("::");
        Optional<String> remote = engineHost();
        if (remote.isPresent()) {
            return wildcard || boundIp.startsWith("127.") || boundIp.equals("::1") ? remote.get() : boundIp;
        }
        return wildcard ? "127.0.0.1" : boundIp;
    }

    /** The engine's host for {@code tcp://} endpoints; empty for local sockets and pipes. */
    Optional<String> engineHost() {
        try {
            URI endpoint = URI.create(connection.endpoint());
            String scheme = String.valueOf(endpoint.getScheme());
            return (scheme.equals("tcp") || scheme.startsWith("http")) && endpoint.getHost() != null
                    ? Optional.of(endpoint.getHost()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code docker stop}: SIGTERM (or the image's stop signal), SIGKILL after {@code grace} ({@code null}: the
     * container's stop timeout, else the engine's 10 s). An exited container is left as it is.
     */
    public void stop(Duration grace) {
        Duration wait = grace != null ? grace : options.stopTimeout().orElse(ENGINE_STOP_GRACE);
        request("stop container " + shortId(), wait.plus(requestTimeout()), () -> {
            try {
                var cmd = connection.client().stopContainerCmd(id);
                if (grace != null) {
                    cmd.withTimeout(WorkloadMapper.seconds(grace));
                }
                cmd.exec();
            } catch (NotModifiedException e) {
                // already stopped
            }
            return null;
        });
    }

    /** Its exit code; empty while it has not exited. */
    public OptionalInt exitCode() {
        return inspect().exitCode();
    }

    /**
     * Follows its output from its start; each chunk goes to {@code listener} until it stops or the follow is
     * closed (and at the latest when this handle closes).
     */
    public LogFollow follow(OutputListener listener) {
        return openFollow(listener);
    }

    /** {@link #follow}, as the stream itself. */
    Follow openFollow(OutputListener listener) {
        Follow follow = new Follow(listener);
        follows.add(follow);
        follow.whenEnded(() -> follows.remove(follow));
        connection.client().logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(follow);
        return follow;
    }

    /** The last {@code lines} lines of its output, bounded by the request timeout; empty when unreadable. */
    String tail(int lines) {
        Follow tail = new Follow(OutputListener.none());
        try {
            connection.control().logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .withTail(lines).exec(tail);
            tail.awaitEnd(requestTimeout());
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("could not read the output of {}: {}", id, e.toString());
        } finally {
            tail.close();
        }
        return tail.text();
    }

    /**
     * Stops it (its stop timeout, else the engine's 10 s) and force-removes it with its anonymous volumes; ends
     * its run in the session. A second call does nothing.
     *
     * @throws DockerGpuException when the removal failed (a later sweep removes it, unless it outlives its session)
     */
    public void close() {
        if (!markClosed()) {
            return;
        }
        try {
            stop(null);
        } catch (RuntimeException e) {
            LOG.debug("stop of {} before its removal failed (it is force-removed): {}", id, e.toString());
        }
        RuntimeException removal = removeAndEnd();
        if (removal != null) {
            throw removal;
        }
    }

    /** Its {@code DockerGpu} closes: force-removed at once (no grace), never throws. */
    public void reap() {
        if (!markClosed()) {
            return;
        }
        RuntimeException removal = removeAndEnd();
        if (removal != null) {
            LOG.debug("could not remove {} as its session closed (a later sweep removes it): {}", id,
                    removal.getMessage());
        }
    }

    /** Marks the handle closed and ends its log streams; false when it already was. */
    private boolean markClosed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        follows.forEach(Follow::close);
        return true;
    }

    /** Force-removes the container and ends its run; the removal's failure, or null. */
    private RuntimeException removeAndEnd() {
        RuntimeException removal = ContainerRunner.remove(connection, id);
        ended(removal == null);
        return removal;
    }

    private void ended(boolean removed) {
        if (!options.outliveSession()) {
            session.end(runId, removed);
        }
        Runnable action;
        synchronized (this) {
            action = onClosed;
        }
        action.run();
    }

    /** Sends {@code call} and waits at most {@code limit}; failures typed. */
    <T> T request(String attempted, Duration limit, Supplier<T> call) {
        CompletableFuture<T> answer = BoundedRequest.send(() -> EngineFailures.retryOnStaleConnection(call, () -> { }));
        try {
            return BoundedRequest.await(answer, Optional.of(limit));
        } catch (TimeoutException e) {
            throw new DockerUnavailableException(DockerUnavailableException.Kind.TIMED_OUT, connection.endpoint(),
                    attempted, "the Docker Engine at " + connection.endpoint() + " did not answer within " + limit,
                    "check that the engine is healthy (`docker info`), or raise ConnectOptions.requestTimeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerInterruptedException(attempted, "interrupted; the container was left as it was", e);
        } catch (NotFoundException e) {
            throw new DockerGpuException(attempted, "container " + shortId() + " (" + options.image()
                    + ") no longer exists: it was removed outside gpuenv (docker rm, docker container prune)",
                    "start it again", e);
        } catch (RuntimeException e) {
            throw EngineFailures.typed(connection.endpoint(), attempted, e, "interrupted; the container was left"
                    + " as it was");
        }
    }

    Duration requestTimeout() {
        return connection.requestTimeout() == null ? DEFAULT_REQUEST_TIMEOUT : connection.requestTimeout();
    }

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The public view of an inspect answer. */
    static ContainerState state(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState st = r.getState();
        ContainerState.Status status = ContainerState.Status.of(st == null ? null : st.getStatus());
        Long code = st == null ? null : st.getExitCodeLong();
        OptionalInt exit = (status == ContainerState.Status.EXITED || status == ContainerState.Status.DEAD)
                && code != null ? OptionalInt.of(code.intValue()) : OptionalInt.empty();
        ContainerState.Health health = st == null || st.getHealth() == null ? ContainerState.Health.NONE
                : ContainerState.Health.of(st.getHealth().getStatus());
        NetworkSettings net = r.getNetworkSettings();
        String ip = "";
        List<PortBinding> bound = new ArrayList<>();
        if (net != null) {
            ip = net.getIpAddress() == null ? "" : net.getIpAddress();
            if (ip.isEmpty() && net.getNetworks() != null) {
                ip = net.getNetworks().values().stream().map(ContainerNetwork::getIpAddress)
                        .filter(a -> a != null && !a.isEmpty()).findFirst().orElse("");
            }
            Ports ports = net.getPorts();
            Map<ExposedPort, Ports.Binding[]> bindings = ports == null ? Map.of() : ports.getBindings();
            bindings.forEach((exposed, hostBindings) -> {
                for (Ports.Binding b : hostBindings == null ? new Ports.Binding[0] : hostBindings) {
                    bound(exposed, b).ifPresent(bound::add);
                }
            });
        }
        String name = r.getName() == null ? "" : r.getName().startsWith("/") ? r.getName().substring(1) : r.getName();
        boolean oom = st != null && Boolean.TRUE.equals(st.getOOMKilled());
        return new ContainerState(r.getId() == null ? "" : r.getId(), name, status, exit, health, ip, bound, oom);
    }

    private static Optional<PortBinding> bound(ExposedPort exposed, Ports.Binding b) {
        try {
            int port = Integer.parseInt(b.getHostPortSpec());
            PortBinding.Protocol protocol = PortBinding.Protocol.valueOf(exposed.getProtocol().name());
            String ip = b.getHostIp() == null ? "" : b.getHostIp();
            return Optional.of(new PortBinding(ip, port, port, exposed.getPort(), protocol));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A log stream: each frame to the listener, the last 16 KiB kept for messages, line-by-line hooks. */
    static class Follow extends ResultCallback.Adapter<Frame> implements LogFollow {
        private final OutputListener listener;
        private final StringBuilder kept = new StringBuilder();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Follow(OutputListener listener) {
            this.listener = listener;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) {
                return;
            }
            LogStream stream = LogFrames.streamOf(frame);
            synchronized (kept) {
                kept.append(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
                if (kept.length() > 16 * 1024) {
                    kept.delete(0, kept.length() - 16 * 1024);
                }
            }
            onChunk(stream, payload);
            LogFrames.deliver(listener, stream, payload);
        }

        /** Each chunk, before the listener sees it (for line watchers). */
        void onChunk(LogStream stream, byte[] payload) {
        }

        @Override
        public void onError(Throwable throwable) {
            ended.complete(null);
            super.onError(throwable);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
            super.onComplete();
        }

        void whenEnded(Runnable action) {
            ended.whenComplete((v, e) -> action.run());
        }

        /** The output kept so far. */
        String text() {
            synchronized (kept) {
                return kept.toString();
            }
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws InterruptedException {
            try {
                ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return true;
            }
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debug("closing a log stream failed", e);
            }
            ended.complete(null);
        }
    }
}
