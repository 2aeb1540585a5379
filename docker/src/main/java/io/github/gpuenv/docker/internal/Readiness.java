package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.ContainerExitedException;
import io.github.gpuenv.docker.ContainerInterruptedException;
import io.github.gpuenv.docker.ContainerState;
import io.github.gpuenv.docker.ContainerTimeoutException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.LogStream;
import io.github.gpuenv.docker.OutputListener;
import io.github.gpuenv.docker.WaitCondition;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Waits until a detached container meets a {@link WaitCondition}, or exits first, or the time is up — never longer:
 * a log line is watched on a followed log stream (from the container's start), a port by TCP probes every
 * {@link #POLL}, the health check by inspecting every {@link #POLL}; each engine request is bounded by the request
 * timeout and by the time left. A port counts as open when a connection is accepted and is not closed by the peer
 * within {@link #SETTLE} without a byte: the engine's userland proxy accepts on the host port even before anything
 * listens in the container, and then closes at once.
 *
 * <p>{@code Readiness.await(handle, WaitCondition.portOpen(8080), Duration.ofMinutes(1));}
 */
public final class Readiness {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration SETTLE = Duration.ofMillis(250);
    /** The longest line kept whole for matching; longer lines are matched in pieces of this size. */
    static final int MAX_LINE = 64 * 1024;

    private Readiness() {
    }

    /**
     * Waits for {@code condition}.
     *
     * @throws ContainerTimeoutException when {@code timeout} passed first (the container still runs)
     * @throws ContainerExitedException when the container exited first
     * @throws ContainerInterruptedException when interrupted (the flag is set again)
     * @throws DockerGpuException when the container has no health check (for {@link WaitCondition.Healthy})
     */
    public static void await(ContainerHandle container, WaitCondition condition, Duration timeout) {
        long end = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        String attempted = "wait for " + condition + " in container " + container.shortId() + " ("
                + container.options().image() + ")";
        try {
            if (condition instanceof WaitCondition.LogLine line) {
                awaitLine(container, line.pattern(), end, attempted, timeout);
            } else if (condition instanceof WaitCondition.PortOpen port) {
                awaitPort(container, port.containerPort(), end, attempted, timeout);
            } else {
                awaitHealthy(container, end, attempted, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerInterruptedException(attempted, "interrupted while waiting; the container still runs",
                    e);
        }
    }

    private static void awaitLine(ContainerHandle container, Pattern pattern, long end, String attempted,
                                  Duration timeout) throws InterruptedException {
        LineWatch watch = new LineWatch(pattern);
        ContainerHandle.Follow lines = container.openFollow(watch);
        lines.whenEnded(watch::ended);
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(container, attempted, timeout, "no such line yet");
                }
                try {
                    watch.matched.get(Math.min(left, POLL.toNanos() * 5), TimeUnit.NANOSECONDS);
                    return;
                } catch (java.util.concurrent.TimeoutException e) {
                    // keep waiting
                } catch (java.util.concurrent.ExecutionException e) {
                    // the stream ended without the line: the container stopped
                    ContainerState state = container.inspect();
                    if (!state.running()) {
                        throw exited(container, state, attempted);
                    }
                    throw new DockerGpuException(attempted, "the engine ended the log stream of container "
                            + container.shortId() + " while it still runs", "wait again, or check the engine's log"
                            + " driver (docker logs must work: json-file, local or journald)", e.getCause());
                }
            }
        } finally {
            lines.close();
        }
    }

    private static void awaitPort(ContainerHandle container, int port, long end, String attempted, Duration timeout)
            throws InterruptedException {
        String last = "not probed yet";
        while (true) {
            ContainerState state = container.inspect();
            if (isOver(state)) {
                throw exited(container, state, attempted);
            }
            InetSocketAddress target = state.running() ? container.probeTarget(state, port) : null;
            if (target != null) {
                long left = end - System.nanoTime();
                String probe = probe(target, Duration.ofNanos(Math.max(1, Math.min(left, Duration.ofSeconds(2)
                        .toNanos()))));
                if (probe == null) {
                    return;
                }
                last = target.getHostString() + ":" + target.getPort() + ": " + probe;
            }
            pause(end, container, attempted, timeout, "last probe " + last);
        }
    }

    private static void awaitHealthy(ContainerHandle container, long end, String attempted, Duration timeout)
            throws InterruptedException {
        while (true) {
            ContainerState state = container.inspect();
            if (isOver(state)) {
                throw exited(container, state, attempted);
            }
            if (state.health() == ContainerState.Health.HEALTHY) {
                return;
            }
            if (state.health() == ContainerState.Health.NONE && state.running()) {
                throw new DockerGpuException(attempted, "container " + container.shortId() + " ("
                        + container.options().image() + ") has no health check", "wait for a log line or a port"
                        + " instead, or use an image with a HEALTHCHECK (or add one with"
                        + " RunOptions.Builder.withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(…)))", null);
            }
            pause(end, container, attempted, timeout, "its health is " + state.health().name().toLowerCase(
                    java.util.Locale.ROOT));
        }
    }

    private static boolean isOver(ContainerState state) {
        return state.status() == ContainerState.Status.EXITED || state.status() == ContainerState.Status.DEAD;
    }

    private static void pause(long end, ContainerHandle container, String attempted, Duration timeout, String seen)
            throws InterruptedException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw timedOut(container, attempted, timeout, seen);
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL.toNanos()));
    }

    /**
     * One probe: null when open, else what was seen ({@code connection refused}, {@code closed at once …}).
     */
    static String probe(InetSocketAddress target, Duration limit) {
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit.toMillis())));
            socket.setSoTimeout((int) SETTLE.toMillis());
            InputStream in = socket.getInputStream();
            try {
                return in.read() < 0 ? "accepted and closed at once (the engine's port proxy, with nothing"
                        + " listening in the container yet)" : null;
            } catch (SocketTimeoutException e) {
                return null;
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static ContainerTimeoutException timedOut(ContainerHandle container, String attempted, Duration timeout,
                                                      String seen) {
        return new ContainerTimeoutException(attempted, "container " + container.shortId() + " ("
                + container.options().image() + ") did not meet the condition within " + timeout + " (" + seen
                + "); it still runs (it was not stopped)" + lastOutput(container), "raise the timeout, check the"
                + " condition (a port is the container's own, e.g. 8080 of -p 8000:8080), or read its output"
                + " (GpuContainer.logs, docker logs " + container.shortId() + ")", null);
    }

    private static ContainerExitedException exited(ContainerHandle container, ContainerState state, String attempted) {
        int code = state.exitCode().orElse(-1);
        return new ContainerExitedException(attempted, "container " + container.shortId() + " ("
                + container.options().image() + ") exited with code " + code + (state.oomKilled()
                ? " (killed for memory: raise --memory)" : "") + " before it was ready" + lastOutput(container),
                "read its output (GpuContainer.logs, docker logs " + container.shortId() + "), fix the command or"
                + " image, and close() it", code, null);
    }

    private static String lastOutput(ContainerHandle container) {
        String tail = container.tail(10).strip();
        if (tail.isEmpty()) {
            return "";
        }
        String flat = tail.replaceAll("\\s*\\n\\s*", " | ");
        return "; its last output: " + SpecText.shown(flat.length() > 600 ? flat.substring(flat.length() - 600)
                : flat);
    }

    /** Splits output into lines per stream and completes when a line matches. */
    static final class LineWatch implements OutputListener {
        final CompletableFuture<String> matched = new CompletableFuture<>();
        private final Pattern pattern;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();

        LineWatch(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public synchronized void onOutput(LogStream stream, byte[] bytes) {
            StringBuilder line = stream == LogStream.STDERR ? err : out;
            line.append(new String(bytes, StandardCharsets.UTF_8));
            int nl;
            while ((nl = line.indexOf("\n")) >= 0) {
                test(line.substring(0, nl));
                line.delete(0, nl + 1);
            }
            if (line.length() > MAX_LINE) {
                test(line.toString());
                line.setLength(0);
            }
        }

        synchronized void ended() {
            test(out.toString());
            test(err.toString());
            matched.completeExceptionally(new IOException("the log stream ended"));
        }

        private void test(String line) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!matched.isDone() && pattern.matcher(text).find()) {
                matched.complete(text);
            }
        }
    }
}
