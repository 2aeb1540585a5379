package io.github.gpuenv.docker;

import java.time.Duration;

/**
 * A stream of a detached container's output that {@link GpuContainer#logs(OutputListener)} follows: everything the
 * container wrote since its start, then each new chunk as it arrives, until the container stops or this is closed.
 *
 * <p>{@code try (LogFollow logs = container.logs((stream, bytes) -> System.out.write(bytes, 0, bytes.length))) { ... }}
 */
public interface LogFollow extends AutoCloseable {

    /**
     * Waits until the stream has ended (the container stopped, or the stream was closed), at most {@code timeout};
     * whether it has.
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    /** Stops following (the container goes on). */
    @Override
    void close();
}
