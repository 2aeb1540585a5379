package io.github.gpuenv.docker;

/**
 * Receives a container's output as it arrives, one chunk (a log frame, not necessarily a whole line) at a time,
 * on a docker-java callback thread; keep it quick and do not throw.
 *
 * <p>{@code gpu.run(options, (stream, bytes) -> (stream == LogStream.STDOUT ? System.out : System.err).write(bytes, 0, bytes.length));}
 */
@FunctionalInterface
public interface OutputListener {

    /** A chunk of output; {@code bytes} is the listener's to keep. */
    void onOutput(LogStream stream, byte[] bytes);

    /** A listener that ignores everything. */
    static OutputListener none() {
        return (stream, bytes) -> { };
    }
}
