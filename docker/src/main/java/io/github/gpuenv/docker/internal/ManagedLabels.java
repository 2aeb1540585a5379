package io.github.gpuenv.docker.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of what gpuenv creates on an engine. Every container carries {@link #MANAGED}, its {@link #RUN_ID},
 * its {@link #SESSION} (the {@code DockerGpu} that made it) and its {@link #OWNER} ({@link OwnerId}), and one asked to
 * outlive its session {@link #OUTLIVE}; every session
 * that holds runs keeps a lease volume carrying {@link #LEASE} and {@link #LEASE_EXPIRES}. A sweep reads these and
 * nothing else to tell a leftover from a container that someone is still using ({@link LeftoverRule}).
 *
 * <p>{@code Map<String, String> labels = ManagedLabels.forRun(runId, sessionId);}
 */
public final class ManagedLabels {

    /** Marks a container as created by gpuenv. */
    public static final String MANAGED = "io.github.gpuenv.managed";
    /** The run's id (random, one per run). */
    public static final String RUN_ID = "io.github.gpuenv.run-id";
    /** The id of the session (one {@code DockerGpu}) that created the container (random). */
    public static final String SESSION = "io.github.gpuenv.session";
    /** {@link OwnerId#label()} of the creating process and copy of gpuenv. */
    public static final String OWNER = "io.github.gpuenv.owner";
    /**
     * {@code true} on a container started to outlive its session ({@code RunOptions.outliveSession}): no sweep ever
     * removes it ({@link LeftoverRule}); its owner's {@code GpuContainer.close()} or {@code docker rm} does.
     */
    public static final String OUTLIVE = "io.github.gpuenv.outlive-session";
    /** On a lease volume: the session it keeps alive. */
    public static final String LEASE = "io.github.gpuenv.lease";
    /** On a lease volume: when it ends, epoch millis of the daemon's clock ({@link DaemonClock}). */
    public static final String LEASE_EXPIRES = "io.github.gpuenv.lease-expires";

    private ManagedLabels() {
    }

    /** The labels of one run of session {@code sessionId}. */
    public static Map<String, String> forRun(String runId, String sessionId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(RUN_ID, runId);
        labels.put(SESSION, sessionId);
        labels.put(OWNER, OwnerId.self().label());
        return labels;
    }

    /** The owner label value of this process and copy of gpuenv. */
    public static String self() {
        return OwnerId.self().label();
    }
}
