package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes containers gpuenv created and could not remove itself (the daemon died mid-run, the process was killed)
 * — only those {@link LeftoverRule} proves abandoned; then the lease volumes that have expired and keep no container.
 * Each decision is logged at DEBUG with its evidence.
 *
 * <p>{@code int removed = LeftoverSweeper.sweep(client, clock);}
 */
public final class LeftoverSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverSweeper.class);

    private LeftoverSweeper() {
    }

    /** Removes the leftovers; returns how many containers. Failures to remove one are logged at DEBUG and skipped. */
    public static int sweep(DockerClient client, DaemonClock clock) {
        List<Container> managed = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ManagedLabels.MANAGED, "true")).exec();
        // Leases are read after the containers are listed (lazily, in EngineWorld): a session writes its lease
        // before it creates a container, so every container listed here has its lease in the later read.
        EngineWorld world = new EngineWorld(client, clock);
        Set<String> sessionsLeft = new HashSet<>();
        int removed = 0;
        for (Container c : managed) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            LeftoverRule.Verdict verdict = LeftoverRule.judge(labels, world);
            if (verdict.remove() && remove(client, c.getId(), verdict.why())) {
                removed++;
            } else {
                LOG.debug("kept gpuenv container {} ({}): {}", c.getId(), c.getState(), verdict.why());
                sessionsLeft.add(labels.getOrDefault(ManagedLabels.SESSION, ""));
            }
        }
        world.leases().forEach((session, lease) -> {
            if (!sessionsLeft.contains(session) && world.now().isAfter(lease.expires())) {
                lease.volumes().forEach(v -> SessionLease.remove(client, v));
            }
        });
        return removed;
    }

    /**
     * Force-removes the container(s) of one run, found by its {@link ManagedLabels#RUN_ID} label: for a create
     * whose answer was lost (interrupted, or the connection broke), where the daemon may have created a container
     * whose id the caller never heard. Returns how many were removed.
     */
    public static int removeRun(DockerClient client, String runId) {
        List<Container> found = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ManagedLabels.RUN_ID, runId)).exec();
        int removed = 0;
        for (Container c : found) {
            if (remove(client, c.getId(), "the create answer of run " + runId + " was lost")) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean remove(DockerClient client, String id, String why) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            LOG.debug("removed gpuenv container {}: {}", id, why);
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            LOG.debug("could not remove gpuenv container {}: {}", id, e.toString());
            return false;
        }
    }

    /** The live world of a sweep: this process's sessions, its processes, the engine's leases (read once, lazily). */
    private static final class EngineWorld implements LeftoverRule.World {
        private final DockerClient client;
        private final DaemonClock clock;
        private Map<String, SessionLease.Lease> leases;

        EngineWorld(DockerClient client, DaemonClock clock) {
            this.client = client;
            this.clock = clock;
        }

        @Override
        public OwnerId self() {
            return OwnerId.self();
        }

        @Override
        public Optional<Boolean> openSessionRuns(String sessionId, String runId) {
            return EngineSession.runs(sessionId, runId);
        }

        @Override
        public boolean isAlive(OwnerId owner) {
            return owner.isAlive();
        }

        @Override
        public Optional<Instant> leaseExpiry(String sessionId) {
            return Optional.ofNullable(leases().get(sessionId)).map(SessionLease.Lease::expires);
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        Map<String, SessionLease.Lease> leases() {
            if (leases == null) {
                leases = SessionLease.read(client);
            }
            return leases;
        }
    }
}
