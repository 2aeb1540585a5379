package io.github.gpuenv.docker;

/**
 * Receives image pull progress, on a docker-java callback thread; keep it quick and do not throw.
 *
 * <p>{@code gpu.pull("nvidia/cuda:12.4.1-base-ubuntu22.04", PullPolicy.MISSING, p -> log.info("{} {}", p.layerId(), p.status()));}
 */
@FunctionalInterface
public interface PullListener {

    /** One event. */
    void onProgress(PullProgress progress);

    /** A listener that ignores everything. */
    static PullListener none() {
        return progress -> { };
    }
}
