package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.gpuenv.docker.LogStream;
import io.github.gpuenv.docker.OutputListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A container's log frames as gpuenv hands them on: which stream, and a listener that cannot break the stream. */
final class LogFrames {

    private static final Logger LOG = LoggerFactory.getLogger(LogFrames.class);

    private LogFrames() {
    }

    /** The stream of {@code frame}: stderr, else stdout (a TTY's raw frames are stdout). */
    static LogStream streamOf(Frame frame) {
        return frame.getStreamType() == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT;
    }

    /** Gives {@code listener} a copy of {@code payload}; what it throws is logged, never passed on. */
    static void deliver(OutputListener listener, LogStream stream, byte[] payload) {
        try {
            listener.onOutput(stream, payload.clone());
        } catch (RuntimeException e) {
            LOG.debug("output listener failed", e);
        }
    }
}
