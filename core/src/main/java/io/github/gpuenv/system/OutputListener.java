package io.github.gpuenv.system;

/**
 * Receives a command's output while it runs, chunk by chunk as it is read (before the result's output limit is
 * applied). Called on the runner's reader threads, one thread per stream; a listener that throws is not called
 * again for that run, and the stream keeps being drained so the process never blocks on a full pipe.
 *
 * <p>{@code CommandRequest.builder(argv).outputListener((stream, bytes) -> System.out.write(bytes)).build()}
 */
@FunctionalInterface
public interface OutputListener {

    /** Which stream a chunk came from. */
    enum Stream { STDOUT, STDERR }

    /**
     * One chunk of output.
     *
     * @param stream where it came from
     * @param bytes the chunk (a copy the listener may keep)
     */
    void output(Stream stream, byte[] bytes);

    /** A listener that ignores everything (the default). */
    static OutputListener none() {
        return (stream, bytes) -> { };
    }
}
