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
 * from the engine's unversioned {@code /version} ({@link ApiVersions}). Owns its transport; close it.
 *
 * <p>{@code try (EngineConnection c = EngineConnection.open(Environment.system(), Duration.ofSeconds(3), null)) { ... }}
 */
public final class EngineConnection implements EngineApi, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConnection.class);

    private final String endpoint;
    private final DefaultDockerClientConfig config;
    private final DockerHttpClient http;
    private DockerClient client;
    private final EngineVersion version;
    private final String negotiatedApiVersion;

    private EngineConnection(String endpoint, DefaultDockerClientConfig config, DockerHttpClient http,
                             EngineVersion version, String negotiatedApiVersion) {
        this.endpoint = endpoint;
        this.config = config;
        this.http = http;
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
        DefaultDockerClientConfig.Builder builder = DockerClientConfigs.builder(environment);
        String endpoint = "(unresolved)";
        DockerHttpClient http = null;
        try {
            DefaultDockerClientConfig probeConfig = builder.build();
            endpoint = EngineEndpoint.redact(probeConfig.getDockerHost());
            ZerodepDockerHttpClient.Builder transport = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(probeConfig.getDockerHost()).sslConfig(LocalSocketTls.forEndpoint(probeConfig.getDockerHost(), probeConfig.getSSLConfig()))
                    .maxConnections(128).connectionTimeout(connectTimeout);
            if (responseTimeout != null) {
                transport.responseTimeout(responseTimeout);
            }
            http = transport.build();
            VersionNegotiation.Result negotiated = VersionNegotiation.of(endpoint,
                    handshake(http, responseTimeout == null ? connectTimeout : null));
            EngineVersion version = negotiated.version();
            String api = negotiated.apiVersion();
            DefaultDockerClientConfig config = builder.withApiVersion(api).build();
            LOG.debug("connected to {} (engine {}, API {} of {})", endpoint, version.version(), api,
                    version.apiVersion());
            return new EngineConnection(endpoint, config, http, version, api);
        } catch (DockerUnavailableException e) {
            closeQuietly(http);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw EngineFailures.unavailable(endpoint, "connect to the Docker Engine", e);
        }
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
        return RawEngineApi.get(http, path);
    }

    @Override
    public void close() {
        DockerClient built;
        synchronized (this) {
            built = client;
        }
        closeQuietly(built);
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
