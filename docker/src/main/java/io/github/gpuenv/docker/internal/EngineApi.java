package io.github.gpuenv.docker.internal;

/**
 * What {@link EngineInspector} needs of an engine it has connected to: the endpoint, what {@code /version} said, the
 * negotiated API version, and raw {@code GET}s. {@link EngineConnection} serves it through docker-java's transport
 * (launching, TCP, named pipes); {@link UnixSocketEngine} through a JDK unix socket (detection on a local socket).
 *
 * <p>{@code EngineInfo info = EngineInspector.info(api);}
 */
public interface EngineApi {

    /** The endpoint without credentials, e.g. {@code unix:///var/run/docker.sock}. */
    String endpoint();

    /** What {@code /version} said. */
    EngineVersion version();

    /** The API version spoken. */
    String negotiatedApiVersion();

    /**
     * One unversioned {@code GET} within the connection's timeouts.
     *
     * @throws RuntimeException when the transport fails (the {@link java.io.IOException} is its cause)
     */
    RawEngineApi.Response get(String path);
}
