package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.DockerUnavailableException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns a transport failure (docker-java wraps them in {@link RuntimeException}) into a
 * {@link DockerUnavailableException} that says what was wrong with the endpoint and what to do. The one place that
 * knows how "no socket", "permission denied" and "timed out" look from Java.
 *
 * <p>{@code throw EngineFailures.unavailable("unix:///var/run/docker.sock", "GET /version", e);}
 */
public final class EngineFailures {

    private EngineFailures() {
    }

    /** Classifies {@code failure}, which happened while talking to {@code endpoint}. */
    public static DockerUnavailableException unavailable(String endpoint, String attempted, Throwable failure) {
        Kind kind = classify(failure);
        return new DockerUnavailableException(kind, endpoint, attempted, message(kind, endpoint, failure),
                remedy(kind, endpoint), failure);
    }

    /**
     * No answer to {@code request} within its limit: a {@link io.github.gpuenv.docker.ContainerTimeoutException} when
     * the run's deadline was the limit, else {@link Kind#TIMED_OUT} (the request timeout ran out).
     */
    public static io.github.gpuenv.docker.DockerGpuException noAnswer(EngineConnection connection, String attempted,
                                                                      RunDeadline deadline, String request,
                                                                      Throwable cause) {
        String endpoint = connection.endpoint();
        String hint = "; a daemon that does not answer create or start is often blocked by a hung NVIDIA hook"
                + " (`nvidia-container-cli`): check that `nvidia-smi` answers on the host, and the daemon's log";
        if (deadline.limits(connection.requestTimeout())) {
            return new io.github.gpuenv.docker.ContainerTimeoutException(attempted, "the run reached its timeout of "
                    + deadline.timeout() + " while the engine at " + endpoint + " had not answered " + request + "; nothing was left"
                    + " running", "raise the timeout, or find what holds the engine" + hint, cause);
        }
        return new DockerUnavailableException(Kind.TIMED_OUT, endpoint, attempted, "the Docker Engine at " + endpoint
                + " did not answer " + request + " within " + connection.requestTimeout() + " (the request timeout)",
                "check that the engine is healthy (`docker info`), or raise ConnectOptions.requestTimeout" + hint,
                cause);
    }

    /**
     * Runs {@code request}, and once more when it failed on a stale pooled connection (the engine restarted since
     * the connection was opened: {@code Broken pipe}, {@code Connection reset}, no response); {@code beforeRetry}
     * undoes what the first attempt may have done (a create is looked up by its run's label and removed).
     */
    public static <T> T retryOnStaleConnection(java.util.function.Supplier<T> request, Runnable beforeRetry) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (!isStaleConnection(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            beforeRetry.run();
            return request.get();
        }
    }

    /**
     * A failed request about a container, typed: gpuenv's own exceptions as they are; an interruption as
     * {@link io.github.gpuenv.docker.ContainerInterruptedException} saying {@code interrupted}; a daemon answer through
     * {@link DaemonErrorMapper}; a transport failure as {@link DockerUnavailableException}.
     */
    public static RuntimeException typed(String endpoint, String attempted, RuntimeException e, String interrupted) {
        if (e instanceof io.github.gpuenv.docker.DockerGpuException) {
            return e;
        }
        if (isInterruption(e)) {
            return new io.github.gpuenv.docker.ContainerInterruptedException(attempted, interrupted, e);
        }
        if (!(e instanceof com.github.dockerjava.api.exception.DockerException) && isTransportFailure(e)) {
            return unavailable(endpoint, attempted, e);
        }
        return DaemonErrorMapper.map(attempted, DaemonErrorMapper.daemonText(e), e);
    }

    /** Whether {@code failure} is what a request on a connection the engine has closed meets. */
    static boolean isStaleConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.io.IOException && (text.contains("broken pipe") || text.contains("connection reset")
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")
                    || t.getClass().getSimpleName().equals("ConnectionClosedException"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} is a transport failure (as opposed to a daemon error answer). */
    public static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} came from the calling thread's interruption: the flag is set, or the chain holds what
     * an interrupt leaves behind in docker-java's transport ({@link java.nio.channels.ClosedByInterruptException},
     * {@link InterruptedException}, a cancelled connection lease).
     */
    public static boolean isInterruption(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedByInterruptException || t instanceof InterruptedException
                    || t instanceof java.util.concurrent.CancellationException) {
                return true;
            }
        }
        return false;
    }

    static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException || text.contains("permission denied")
                    || text.contains("access is denied")) {
                return Kind.PERMISSION_DENIED;
            }
            if (t instanceof SSLException) {
                return Kind.TLS;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                    || text.contains("timed out") || text.contains("timeout")) {
                return Kind.TIMED_OUT;
            }
            if (t instanceof ConnectException || t instanceof NoSuchFileException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || text.contains("no such file")
                    || text.contains("connection refused") || text.contains("cannot find the file")
                    || t.getClass().getSimpleName().equals("HttpHostConnectException")) {
                return Kind.NOT_RUNNING;
            }
        }
        return Kind.PROTOCOL;
    }

    private static String message(Kind kind, String endpoint, Throwable failure) {
        String cause = rootMessage(failure);
        return switch (kind) {
            case NOT_RUNNING -> "Docker Engine not running at " + endpoint + " (" + cause + ")";
            case PERMISSION_DENIED -> "permission denied on the Docker socket " + endpoint + " (" + cause + ")";
            case TIMED_OUT -> "Docker Engine at " + endpoint + " did not answer in time (" + cause + ")";
            case TLS -> "TLS handshake with the Docker Engine at " + endpoint + " failed (" + cause + ")";
            case PROTOCOL -> "the Docker Engine at " + endpoint + " could not be spoken to (" + cause + ")";
        };
    }

    private static String remedy(Kind kind, String endpoint) {
        return switch (kind) {
            case NOT_RUNNING -> "start Docker (`sudo systemctl start docker`, or Docker Desktop), or point DOCKER_HOST"
                    + " / `docker context use` at the engine you mean";
            case PERMISSION_DENIED -> "add your user to the docker group: `sudo usermod -aG docker $USER`, then log in"
                    + " again (or use rootless Docker)";
            case TIMED_OUT -> "check that the engine at " + endpoint + " is healthy (`docker info`); raise the timeout"
                    + " (gpuenv.probe-timeout) for slow remote engines";
            case TLS -> "check DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) for this endpoint";
            case PROTOCOL -> "check that " + endpoint + " is a Docker Engine API endpoint (`docker version`)";
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
