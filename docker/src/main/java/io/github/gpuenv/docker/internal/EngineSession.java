package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code DockerGpu}'s identity on an engine: a random session id that every container it creates carries
 * ({@link ManagedLabels#SESSION}), the runs in progress, and the {@link SessionLease} that proves to other processes
 * that the session is alive. A run is registered before its create is sent and ends after its removal, so a sweep in
 * this process never mistakes a container being created for a leftover. While runs are in progress a JVM shutdown
 * hook (Ctrl-C in the CLI, {@code System.exit}) force-removes their containers. A create given up on (a run's deadline
 * passed while the engine had not answered) is {@linkplain #abandon abandoned}: its late container is removed when
 * the answer comes, or by label at {@link #close()}.
 *
 * <p>{@code try (EngineSession s = EngineSession.open(client, clock, Duration.ofMinutes(2))) { s.begin(runId); ... s.end(runId); }}
 */
public final class EngineSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSession.class);
    /** The open sessions of this copy of gpuenv, by id. */
    private static final Map<String, EngineSession> OPEN = new ConcurrentHashMap<>();
    /** How long the shutdown hook waits for the engine. */
    private static final Duration HOOK_LIMIT = Duration.ofSeconds(10);
    private static final String PENDING = "";
    /** How long {@link #close()} waits for the late answer of a create given up on. */
    private static final Duration ABANDONED_WAIT = Duration.ofSeconds(5);

    private final String id = UUID.randomUUID().toString();
    private final Supplier<DockerClient> client;
    private final SessionLease lease;
    /** Run id → container id ({@link #PENDING} until the create answered). */
    private final Map<String, String> runs = new ConcurrentHashMap<>();
    /** Runs whose create was given up on, until their late answer is handled. */
    private final Map<String, java.util.concurrent.CompletableFuture<String>> abandoned = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger unconfirmedRemovals =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Thread hook = new Thread(this::removeAllBounded, "gpuenv-docker-cleanup");
    private boolean hookRegistered;

    private EngineSession(Supplier<DockerClient> client, DaemonClock clock, Duration leaseDuration) {
        this.client = client;
        this.lease = new SessionLease(id, client, clock, leaseDuration);
    }

    /** Opens a session (registered in this process until {@link #close()}). */
    public static EngineSession open(Supplier<DockerClient> client, DaemonClock clock, Duration leaseDuration) {
        EngineSession session = new EngineSession(client, clock, leaseDuration);
        OPEN.put(session.id, session);
        return session;
    }

    /** For a session of this copy of gpuenv that is open: whether {@code runId} is in progress. */
    public static Optional<Boolean> runs(String sessionId, String runId) {
        EngineSession session = OPEN.get(sessionId);
        return session == null ? Optional.empty() : Optional.of(session.runs.containsKey(runId));
    }

    /** The session's id. */
    public String id() {
        return id;
    }

    /** The labels of a run of this session. */
    public Map<String, String> labels(String runId) {
        return ManagedLabels.forRun(runId, id);
    }

    /** A run begins, before its create is sent: it is registered and the lease held. */
    public void begin(String runId) {
        runs.put(runId, PENDING);
        registerHook();
        lease.hold();
    }

    /** The run's create answered with {@code containerId}. */
    public void created(String runId, String containerId) {
        runs.replace(runId, containerId);
    }

    /**
     * A create that the run gave up waiting for: when its answer comes after all, its container is removed and the
     * run ends; {@link #close()} waits a little for answers still due and removes the run's containers by label.
     */
    public void abandon(String runId, java.util.concurrent.CompletableFuture<String> answer) {
        abandoned.put(runId, answer);
        answer.whenComplete((containerId, failure) -> {
            try {
                if (containerId != null) {
                    client.get().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
                } else {
                    LeftoverSweeper.removeRun(client.get(), runId);
                }
                abandoned.remove(runId);
                end(runId);
            } catch (RuntimeException e) {
                LOG.debug("could not remove the late container of run {} (close() or a later sweep removes it): {}",
                        runId, e.toString());
                end(runId, false);
            }
        });
    }

    /** The run ended with its container removed (or never created). */
    public void end(String runId) {
        end(runId, true);
    }

    /**
     * The run ended; {@code removed} false when the removal of its container failed or was not confirmed (a sweep
     * is left to remove it, so the session's lease must then lapse rather than be removed at {@link #close()}).
     */
    public void end(String runId, boolean removed) {
        if (!removed) {
            unconfirmedRemovals.incrementAndGet();
        }
        if (runs.remove(runId) != null) {
            lease.release();
        }
    }

    private synchronized void registerHook() {
        if (!hookRegistered) {
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                hookRegistered = true;
            } catch (IllegalStateException e) {
                LOG.debug("JVM is shutting down; no cleanup hook");
            }
        }
    }

    /** At JVM exit: removes the containers of runs in progress, waiting at most {@link #HOOK_LIMIT}. */
    private void removeAllBounded() {
        Thread worker = new Thread(this::removeAll, "gpuenv-docker-cleanup-worker");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(HOOK_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeAll() {
        abandoned.keySet().forEach(runId -> {
            try {
                LeftoverSweeper.removeRun(client.get(), runId);
            } catch (RuntimeException e) {
                LOG.debug("shutdown cleanup of run {} failed: {}", runId, e.toString());
            }
        });
        runs.forEach((runId, containerId) -> {
            try {
                if (containerId.equals(PENDING)) {
                    LeftoverSweeper.removeRun(client.get(), runId);
                } else {
                    client.get().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
                }
            } catch (RuntimeException e) {
                LOG.debug("shutdown cleanup of run {} failed: {}", runId, e.toString());
            }
        });
    }

    /**
     * Closes the session: it is no longer open in this process (a later sweep here removes what it left), its
     * shutdown hook goes, and its lease is removed when every removal of its containers was confirmed (else it is
     * left to lapse, so that other processes can prove those containers abandoned).
     */
    @Override
    public void close() {
        abandoned.forEach((runId, answer) -> {
            try {
                answer.get(ABANDONED_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // no answer: look for the run's containers by label below
            }
            if (abandoned.containsKey(runId)) {
                try {
                    LeftoverSweeper.removeRun(client.get(), runId);
                } catch (RuntimeException e) {
                    LOG.debug("could not look up the containers of run {}: {}", runId, e.toString());
                }
            }
        });
        OPEN.remove(id);
        synchronized (this) {
            if (hookRegistered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook runs anyway
                }
                hookRegistered = false;
            }
        }
        lease.close(unconfirmedRemovals.get() > 0 || !abandoned.isEmpty() || !runs.isEmpty());
    }
}
