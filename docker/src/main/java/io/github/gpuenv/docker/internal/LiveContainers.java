package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers one client has created and not yet removed. While any exist, a JVM shutdown hook (Ctrl-C in the
 * CLI, {@code System.exit}) force-removes them, so a process that ends mid-run leaves nothing behind.
 *
 * <p>{@code live.add(id); try { ... } finally { live.remove(id); }}
 */
public final class LiveContainers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveContainers.class);

    private final DockerClient client;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Thread hook;
    private volatile boolean hookRegistered;

    public LiveContainers(DockerClient client) {
        this.client = client;
        this.hook = new Thread(this::removeAll, "gpuenv-docker-cleanup");
    }

    /** Tracks a created container. */
    public void add(String id) {
        ids.add(id);
        registerHook();
    }

    /** Stops tracking it (it was removed, or removal was attempted and the sweep will retry). */
    public void remove(String id) {
        ids.remove(id);
    }

    /** Whether {@code id} is tracked. */
    public boolean contains(String id) {
        return ids.contains(id);
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

    private void removeAll() {
        for (String id : ids) {
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException e) {
                LOG.debug("shutdown cleanup of {} failed: {}", id, e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (hookRegistered) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs anyway
            }
            hookRegistered = false;
        }
    }
}
