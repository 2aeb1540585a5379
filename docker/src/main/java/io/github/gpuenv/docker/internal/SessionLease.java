package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's proof of life on the engine, for sweeps by processes that cannot see this one (CI jobs in sibling
 * containers sharing one socket, other hosts): a volume {@code gpuenv-lease-<session>-<n>} labelled with
 * {@link ManagedLabels#LEASE} and {@link ManagedLabels#LEASE_EXPIRES} (daemon time, {@link DaemonClock}). While the
 * session runs containers it writes a new lease every quarter of the lease's duration and removes the older one;
 * when it runs none it stops, and the lease lapses. A lease is written when a run begins, beside its create; while
 * a container of the session has no lease yet (or writing it failed) other processes keep it — the safe side.
 *
 * <p>{@code lease.hold(); try { ...create, run, remove... } finally { lease.release(); }}
 */
public final class SessionLease {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLease.class);
    /** The prefix of lease volume names. */
    public static final String VOLUME_PREFIX = "gpuenv-lease-";
    private static final ScheduledExecutorService RENEWALS = renewals();

    private final String session;
    private final Supplier<DockerClient> client;
    private final DaemonClock clock;
    private final Duration duration;
    private final Deque<String> volumes = new ArrayDeque<>();
    private int holders;
    private long written;
    private Instant expires = Instant.MIN;
    private ScheduledFuture<?> renewal;
    private boolean closed;

    /**
     * @param session the session's id
     * @param client the engine (built on first use)
     * @param clock the daemon's clock
     * @param duration how long a lease lasts without renewal
     */
    public SessionLease(String session, Supplier<DockerClient> client, DaemonClock clock, Duration duration) {
        this.session = session;
        this.client = client;
        this.clock = clock;
        this.duration = duration;
    }

    /**
     * A run begins: unless the current lease has over half its time left, a new one is written — on the renewal
     * thread, so the run does not wait for it. Until it is written other processes find no lease and keep the
     * session's containers (the safe side).
     */
    public synchronized void hold() {
        holders++;
        if (closed) {
            return;
        }
        if (renewal == null) {
            long period = Math.max(1, duration.dividedBy(4).toMillis());
            boolean due = Duration.between(clock.now(), expires).compareTo(duration.dividedBy(2)) < 0;
            renewal = RENEWALS.scheduleWithFixedDelay(this::tick, due ? 0 : period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** A run ended. */
    public synchronized void release() {
        holders = Math.max(0, holders - 1);
    }

    /**
     * The session is closing: renewals stop, and the lease volume is removed when {@code containersLeft} is false
     * (otherwise it is left to lapse, so that other processes can prove those containers abandoned).
     */
    public synchronized void close(boolean containersLeft) {
        closed = true;
        stopRenewing();
        if (!containersLeft) {
            while (!volumes.isEmpty()) {
                removeVolume(volumes.pollFirst());
            }
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        if (holders > 0) {
            renew();
        } else {
            stopRenewing();
        }
    }

    private void stopRenewing() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
    }

    private void renew() {
        Instant until = clock.now().plus(duration);
        String name = VOLUME_PREFIX + session + "-" + (++written);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ManagedLabels.LEASE, session);
        labels.put(ManagedLabels.LEASE_EXPIRES, Long.toString(until.toEpochMilli()));
        labels.put(ManagedLabels.OWNER, OwnerId.self().label());
        try {
            client.get().createVolumeCmd().withName(name).withLabels(labels).exec();
        } catch (RuntimeException e) {
            LOG.debug("could not write lease {} (other processes will keep this session's containers): {}", name,
                    e.toString());
            return;
        }
        expires = until;
        volumes.addLast(name);
        while (volumes.size() > 1) {
            removeVolume(volumes.pollFirst());
        }
    }

    private void removeVolume(String name) {
        try {
            client.get().removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // pruned meanwhile
        } catch (RuntimeException e) {
            LOG.debug("could not remove lease volume {}: {}", name, e.toString());
        }
    }

    /**
     * The leases on the engine: for each session, its newest expiry and its lease volumes' names. Malformed leases
     * are ignored (their sessions then have no lease, and their containers are kept).
     */
    public static Map<String, Lease> read(DockerClient client) {
        List<InspectVolumeResponse> found = client.listVolumesCmd()
                .withFilter("label", List.of(ManagedLabels.LEASE)).exec().getVolumes();
        Map<String, Lease> leases = new HashMap<>();
        for (InspectVolumeResponse v : found == null ? List.<InspectVolumeResponse>of() : found) {
            Map<String, String> labels = v.getLabels() == null ? Map.of() : v.getLabels();
            String session = labels.get(ManagedLabels.LEASE);
            Optional<Instant> until = epochMillis(labels.get(ManagedLabels.LEASE_EXPIRES));
            if (session == null || session.isEmpty() || until.isEmpty() || v.getName() == null) {
                continue;
            }
            leases.merge(session, new Lease(until.get(), List.of(v.getName())), Lease::merge);
        }
        return leases;
    }

    /** Removes a lease volume; failures are logged and skipped. */
    public static void remove(DockerClient client, String volume) {
        try {
            client.removeVolumeCmd(volume).exec();
        } catch (NotFoundException e) {
            // gone meanwhile
        } catch (RuntimeException e) {
            LOG.debug("could not remove lapsed lease volume {}: {}", volume, e.toString());
        }
    }

    private static Optional<Instant> epochMillis(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(text.strip())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One session's leases.
     *
     * @param expires the newest expiry
     * @param volumes the lease volumes
     */
    public record Lease(Instant expires, List<String> volumes) {
        public Lease {
            volumes = List.copyOf(volumes);
        }

        Lease merge(Lease other) {
            List<String> all = new java.util.ArrayList<>(volumes);
            all.addAll(other.volumes);
            return new Lease(expires.isAfter(other.expires) ? expires : other.expires, all);
        }
    }

    private static ScheduledExecutorService renewals() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "gpuenv-docker-lease");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
