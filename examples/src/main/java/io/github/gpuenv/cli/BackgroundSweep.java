package io.github.gpuenv.cli;

import io.github.gpuenv.docker.DockerGpu;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leftover sweep that {@code DockerGpu.connect()} does before it returns ({@link DockerGpu#removeLeftovers()}),
 * run beside the launch instead: two list requests and docker-java's first typed answers, on the critical path of
 * every {@code gpuenv run} otherwise. The sweep never touches a container of a session that is alive, this one's
 * included, so it may overlap the run; {@link #close()} waits for it (bounded) before the connection closes. A failed
 * sweep is logged at DEBUG and left to the next connect, as a failed removal is.
 *
 * <p>{@code try (DockerGpu gpu = DockerGpu.connect(noSweep); BackgroundSweep s = BackgroundSweep.start(gpu)) { ... }}
 */
final class BackgroundSweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSweep.class);
    /** How long {@link #close()} waits: the sweep's requests have their own timeouts. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Thread thread;

    private BackgroundSweep(Thread thread) {
        this.thread = thread;
    }

    static BackgroundSweep start(DockerGpu gpu) {
        Thread thread = new Thread(() -> {
            try {
                int removed = gpu.removeLeftovers();
                if (removed > 0) {
                    LOG.debug("removed {} leftover gpuenv containers on {}", removed, gpu.endpoint());
                }
            } catch (RuntimeException e) {
                LOG.debug("leftover sweep on {} failed (the next connect sweeps): {}", gpu.endpoint(), e.toString());
            }
        }, "gpuenv-leftover-sweep");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundSweep(thread);
    }

    @Override
    public void close() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
