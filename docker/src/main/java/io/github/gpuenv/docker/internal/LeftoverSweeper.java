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
