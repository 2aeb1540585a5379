package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.system.Environment;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A docker-java client for the engine docker-java's configuration chooses (what launching uses, and detection for
 * TCP endpoints, named pipes and the opt-in probe container), speaking an API version negotiated
 * from the engine's unversioned {@code /version} ({@link ApiVersions}). Owns its transports; close it.
 *
 * <p>Two transports: {@link #client()} for the streams that last as long as a container or a pull does (wait, logs,
 * pull; bounded by their callers), and {@link #control()} for every other request (inspect, create, start, remove,
 * list, volumes, raw {@code GET}s), whose answer must come within the request timeout — a daemon that accepts and
 * never answers (a hung NVIDIA hook blocks create and start) cannot hold a thread forever.
 *
 * <p>{@code try (EngineConnection c = EngineConnection.open(Environment.system(), Duration.ofSeconds(3), null)) { ... }}
 */
public final class EngineConnection implements EngineApi, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConnection.class);

    private final String endpoint;
    private final DefaultDockerClientConfig config;
    private final DockerHttpClient http;
    private final Duration requestTimeout;
    private final boolean mainBounded;
    private DockerClient client;
    private DockerHttpClient controlHttp;
    private DockerClient control;
    private final EngineVersion version;
    private final String negotiatedApiVersion;

    private EngineConnection(String endpoint, DefaultDockerClientConfig config, DockerHttpClient http,
                             boolean mainBounded, Duration requestTimeout, EngineVersion version,
                             String negotiatedApiVersion) {
        this.mainBounded = mainBounded;
        this.endpoint = endpoint;
        this.config = config;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.version = version;
        this.negotiatedApiVersion = negotiatedApiVersion;
    }

    /**
     * Connects and negotiates.
     *
     * @param environment where {@code DOCKER_HOST} and friends are read (over the process's)
     * @param connectTimeout the limit of establishing a connection
     * @param responseTimeout the limit of waiting for a response; {@code null}: none (container waits and log
     *        streams of long runs must not be cut by the transport)
     * @throws DockerUnavailableException when the engine cannot be reached or spoken to
     */
    public static EngineConnection open(Environment environment, Duration connectTimeout, Duration responseTimeout) {
        return open(environment, connectTimeout, responseTimeout, responseTimeout);
    }

    /**
     * Connects and negotiates, with {@code requestTimeout} bounding each {@link #control()} request and the raw
     * {@code GET}s ({@code null}: as {@code responseTimeout}).
     */
    public static EngineConnection open(Environment environment, Duration connectTimeout, Duration responseTimeout,
                                        Duration requestTimeout) {
        DefaultDockerClientConfig.Builder builder = DockerClientConfigs.builder(environment);
        String endpoint = "(unresolved)";
        DockerHttpClient http = null;
        try {
            DefaultDockerClientConfig probeConfig = builder.build();
            endpoint = EngineEndpoint.redact(probeConfig.getDockerHost());
            http = transport(probeConfig, connectTimeout, responseTimeout);
            VersionNegotiation.Result negotiated = VersionNegotiation.of(endpoint,
                    handshake(http, responseTimeout == null ? connectTimeout : null));
            EngineVersion version = negotiated.version();
            String api = negotiated.apiVersion();
            DefaultDockerClientConfig config = builder.withApiVersion(api).build();
            LOG.debug("connected to {} (engine {}, API {} of {})", endpoint, version.version(), api,
                    version.apiVersion());
            // One pool for local sockets: docker-java's unix-socket and named-pipe transports have no read timeout
            // (the bound is BoundedRequest's there), and a second pool would only keep more connections that go
            // stale when the engine restarts.
            boolean local = !probeConfig.getDockerHost().getScheme().startsWith("tcp");
            return new EngineConnection(endpoint, config, http, responseTimeout != null || local,
                    requestTimeout == null ? responseTimeout : requestTimeout, version, api);
        } catch (DockerUnavailableException e) {
            closeQuietly(http);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw EngineFailures.unavailable(endpoint, "connect to the Docker Engine", e);
        }
    }

    private static DockerHttpClient transport(DefaultDockerClientConfig config, Duration connectTimeout,
                                              Duration responseTimeout) {
        ZerodepDockerHttpClient.Builder transport = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(LocalSocketTls.forEndpoint(config.getDockerHost(), config.getSSLConfig()))
                .maxConnections(128).connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            transport.responseTimeout(responseTimeout);
        }
        return transport.build();
    }

    /**
     * {@code GET /version}; with {@code bound} (a transport without response timeout, whose later container waits
     * must not be cut) the transport is closed when no answer came within it — an endpoint that accepts and never
     * answers would otherwise hold {@code connect()} forever — and the failure is a timeout.
     */
    private static RawEngineApi.Response handshake(DockerHttpClient http, Duration bound) {
        if (bound == null) {
            return RawEngineApi.get(http, "/version");
        }
        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture.delayedExecutor(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!answered.get() && cut.compareAndSet(false, true)) {
                        closeQuietly(http);
                    }
                });
        try {
            return RawEngineApi.get(http, "/version");
        } catch (RuntimeException e) {
            if (cut.get()) {
                java.net.SocketTimeoutException timeout = new java.net.SocketTimeoutException(
                        "no answer to GET /version within " + bound);
                timeout.addSuppressed(e);
                throw new RuntimeException(timeout);
            }
            throw e;
        } finally {
            answered.set(true);
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    /** docker-java's configuration (registry auth for pulls). */
    public DefaultDockerClientConfig config() {
        return config;
    }

    /** The raw transport (for {@link RawEngineApi}). */
    public DockerHttpClient http() {
        return http;
    }

    /**
     * The typed client, speaking {@link #negotiatedApiVersion()}; built on first use (detection reads {@code /version}
     * and {@code /info} raw and never needs it: building it loads docker-java's hundred command classes).
     */
    public synchronized DockerClient client() {
        if (client == null) {
            client = DockerClientImpl.getInstance(config, http);
        }
        return client;
    }

    /**
     * The client for requests that must be answered within {@link #requestTimeout()} (all but wait, logs and pull);
     * the same as {@link #client()} when that one's transport is bounded already.
     */
    public synchronized DockerClient control() {
        if (mainBounded || requestTimeout == null) {
            return client();
        }
        if (control == null) {
            control = DockerClientImpl.getInstance(config, controlHttp());
        }
        return control;
    }

    /** The bounded transport ({@link #http()} when that one is bounded already, or no bound is set). */
    private synchronized DockerHttpClient controlHttp() {
        if (mainBounded || requestTimeout == null) {
            return http;
        }
        if (controlHttp == null) {
            controlHttp = transport(config, requestTimeout, requestTimeout);
        }
        return controlHttp;
    }

    /** The bound of each {@link #control()} request; {@code null}: none. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public EngineVersion version() {
        return version;
    }

    @Override
    public String negotiatedApiVersion() {
        return negotiatedApiVersion;
    }

    @Override
    public RawEngineApi.Response get(String path) {
        DockerHttpClient bounded = controlHttp();
        if (requestTimeout == null) {
            return RawEngineApi.get(bounded, path);
        }
        // The transport's response timeout does not bound reads on unix sockets (docker-java's UnixSocket is a
        // blocking channel), so the wait is bounded here; a request given up on ends when this connection closes.
        java.util.concurrent.CompletableFuture<RawEngineApi.Response> answer = BoundedRequest.send(
                () -> RawEngineApi.get(bounded, path));
        try {
            return BoundedRequest.await(answer, java.util.Optional.of(requestTimeout));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RuntimeException(new java.net.SocketTimeoutException("no answer to GET " + path + " within "
                    + requestTimeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(new java.nio.channels.ClosedByInterruptException());
        }
    }

    @Override
    public void close() {
        DockerClient built;
        DockerClient builtControl;
        DockerHttpClient builtControlHttp;
        synchronized (this) {
            built = client;
            builtControl = control;
            builtControlHttp = controlHttp;
        }
        closeQuietly(built);
        closeQuietly(builtControl);
        closeQuietly(builtControlHttp);
        closeQuietly(http);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the Docker client failed", e);
        } catch (Exception e) {
            LOG.debug("closing the Docker client failed", e);
        }
    }
}
