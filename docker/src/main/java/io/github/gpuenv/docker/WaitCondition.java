package io.github.gpuenv.docker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link GpuContainer#waitUntil(WaitCondition, java.time.Duration)} waits for: a line of the container's output
 * ({@link #logContains}, {@link #logMatches}; stdout or stderr, from the container's start, so a line printed before
 * the wait began counts), a TCP port that accepts connections ({@link #portOpen}), or the container's Docker health
 * check reporting {@code healthy} ({@link #healthy}). A container that exits first ends the wait with
 * {@link ContainerExitedException}.
 *
 * <p>{@code container.waitUntil(WaitCondition.logContains("Uvicorn running"), Duration.ofMinutes(5))}
 */
public sealed interface WaitCondition permits WaitCondition.LogLine, WaitCondition.PortOpen, WaitCondition.Healthy {

    /** A line of output containing {@code text}. */
    static WaitCondition logContains(String text) {
        Objects.requireNonNull(text, "text");
        return new LogLine(Pattern.compile(Pattern.quote(text)));
    }

    /**
     * A line of output in which {@code regex} is found ({@link java.util.regex.Matcher#find()}; a line is the text
     * between two line breaks, without them).
     *
     * @throws IllegalArgumentException when {@code regex} is no regular expression
     */
    static WaitCondition logMatches(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            return new LogLine(Pattern.compile(regex));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + e.getDescription(), e);
        }
    }

    /**
     * The container's TCP port {@code containerPort} accepting connections: through its published host port on the
     * engine's host (the endpoint's host for {@code tcp://} engines, {@code 127.0.0.1} or the bound address for
     * local sockets), or, when it is not published and the engine is local, at the container's own IP address (on
     * the host's network, {@code 127.0.0.1}). A
     * connection the engine's port proxy accepts and closes at once (nothing listens in the container yet) does not
     * count.
     */
    static WaitCondition portOpen(int containerPort) {
        return new PortOpen(containerPort);
    }

    /** The container's health check ({@code HEALTHCHECK} of the image) reporting {@code healthy}. */
    static WaitCondition healthy() {
        return new Healthy();
    }

    /**
     * A line of output matching {@code pattern}.
     *
     * @param pattern found in a line ({@link java.util.regex.Matcher#find()})
     */
    record LogLine(Pattern pattern) implements WaitCondition {
        public LogLine {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String toString() {
            return "a log line matching /" + pattern.pattern() + "/";
        }
    }

    /**
     * A TCP port accepting connections.
     *
     * @param containerPort the container's port, 1–65535
     */
    record PortOpen(int containerPort) implements WaitCondition {
        public PortOpen {
            if (containerPort < 1 || containerPort > 65535) {
                throw new IllegalArgumentException("containerPort out of range (1-65535): " + containerPort);
            }
        }

        @Override
        public String toString() {
            return "port " + containerPort + "/tcp open";
        }
    }

    /** The health check reporting {@code healthy}. */
    record Healthy() implements WaitCondition {
        @Override
        public String toString() {
            return "its health check reporting healthy";
        }
    }
}
