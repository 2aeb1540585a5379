package io.github.gpuenv.docker;

import java.util.Objects;

/**
 * The Docker Engine could not be reached or spoken to: {@link #kind()} says why, {@link #endpoint()} where
 * (credentials removed).
 *
 * <p>{@code catch (DockerUnavailableException e) { if (e.kind() == Kind.PERMISSION_DENIED) { ... } }}
 */
public class DockerUnavailableException extends DockerGpuException {

    private static final long serialVersionUID = 1L;
    private final Kind kind;
    private final String endpoint;

    public DockerUnavailableException(Kind kind, String endpoint, String attempted, String message, String remedy,
                                      Throwable cause) {
        super(attempted, message, remedy, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNullElse(endpoint, "");
    }

    /** Why the engine is unavailable. */
    public Kind kind() {
        return kind;
    }

    /** The endpoint docker-java's configuration chose, without credentials, e.g. {@code unix:///var/run/docker.sock}. */
    public String endpoint() {
        return endpoint;
    }

    /** Why an engine is unavailable. */
    public enum Kind {
        /** Nothing listens there: no socket file, connection refused, unknown host. */
        NOT_RUNNING,
        /** The socket refused this user (not in the {@code docker} group). */
        PERMISSION_DENIED,
        /** It did not answer in time. */
        TIMED_OUT,
        /** The TLS handshake failed (certificates, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}). */
        TLS,
        /** It answered, but not as a Docker Engine gpuenv can speak to (HTTP error, API version range). */
        PROTOCOL
    }
}
