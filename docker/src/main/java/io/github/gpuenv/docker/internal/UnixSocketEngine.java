package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.DockerUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine on a {@code unix://} socket, spoken to with {@link UnixSocketHttp} (JDK only, no docker-java): what
 * detection needs ({@code /version}, {@code /info}) without loading docker-java's configuration, transport and
 * mapper. One connection per request, each within the timeout. Launching uses {@link EngineConnection}.
 *
 * <p>{@code EngineApi api = UnixSocketEngine.open(URI.create("unix:///var/run/docker.sock"), Duration.ofSeconds(3));}
 */
public final class UnixSocketEngine implements EngineApi {

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketEngine.class);

    private final String endpoint;
    private final Path socket;
    private final Duration timeout;
    private final VersionNegotiation.Result negotiated;

    private UnixSocketEngine(String endpoint, Path socket, Duration timeout, VersionNegotiation.Result negotiated) {
        this.endpoint = endpoint;
        this.socket = socket;
        this.timeout = timeout;
        this.negotiated = negotiated;
    }

    /** Whether {@code endpoint} is a unix socket this class can speak to. */
    public static boolean supports(URI endpoint) {
        return "unix".equalsIgnoreCase(endpoint.getScheme()) && endpoint.getPath() != null
                && !endpoint.getPath().isEmpty();
    }

    /**
     * Reads {@code /version} and negotiates.
     *
     * @throws DockerUnavailableException when the engine cannot be reached or spoken to
     */
    public static UnixSocketEngine open(URI endpoint, Duration timeout) {
        String name = EngineEndpoint.redact(endpoint);
        Path socket = Path.of(endpoint.getPath());
        RawEngineApi.Response response;
        try {
            response = UnixSocketHttp.request(socket, "GET", "/version", timeout);
        } catch (IOException e) {
            throw EngineFailures.unavailable(name, "connect to the Docker Engine", e);
        }
        VersionNegotiation.Result negotiated = VersionNegotiation.of(name, response);
        LOG.debug("read {} over the unix socket (engine {}, API {} of {})", name, negotiated.version().version(),
                negotiated.apiVersion(), negotiated.version().apiVersion());
        return new UnixSocketEngine(name, socket, timeout, negotiated);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public EngineVersion version() {
        return negotiated.version();
    }

    @Override
    public String negotiatedApiVersion() {
        return negotiated.apiVersion();
    }

    @Override
    public RawEngineApi.Response get(String path) {
        try {
            return UnixSocketHttp.request(socket, "GET", path, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
