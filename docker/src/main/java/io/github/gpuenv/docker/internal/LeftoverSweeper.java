package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes containers gpuenv created and could not remove itself — when the daemon died mid-run, or the creating
 * process was killed. A container is a leftover when its {@link ManagedLabels#OWNER} is not a live process on this
 * host (or is this JVM and no run of {@code live} holds it); containers of other hosts are left alone unless they
 * have stopped.
 *
 * <p>{@code int removed = LeftoverSweeper.sweep(client, live);}
 */
public final class LeftoverSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverSweeper.class);

    private LeftoverSweeper() {
    }

    /** Removes the leftovers; returns how many. Failures are logged at DEBUG and skipped. */
    public static int sweep(DockerClient client, LiveContainers live) {
        List<Container> managed = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ManagedLabels.MANAGED, "true")).exec();
        int removed = 0;
        for (Container c : managed) {
            String owner = c.getLabels() == null ? null : c.getLabels().get(ManagedLabels.OWNER);
            if (!isLeftover(c, owner, live)) {
                continue;
            }
            try {
                client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
                LOG.debug("removed leftover container {} ({}, owner {})", c.getId(), c.getState(), owner);
            } catch (NotFoundException e) {
                // removed meanwhile
            } catch (RuntimeException e) {
                LOG.debug("could not remove leftover container {}: {}", c.getId(), e.toString());
            }
        }
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
            try {
                client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
                LOG.debug("removed container {} of run {} whose create answer was lost", c.getId(), runId);
            } catch (NotFoundException e) {
                // removed meanwhile
            }
        }
        return removed;
    }

    static boolean isLeftover(Container c, String owner, LiveContainers live) {
        if (ManagedLabels.isSelf(owner)) {
            return live == null || !live.contains(c.getId());
        }
        if (ManagedLabels.isThisHost(owner)) {
            return !ManagedLabels.isLiveOnThisHost(owner);
        }
        return !"running".equals(c.getState()) && !"created".equals(c.getState());
    }
}
