package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.spi.DockerFactProvider;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code docker} fact: connects to the engine docker-java's configuration chooses (with the detection's
 * environment; {@link EngineEndpoint} shortcuts the unconfigured case), negotiates the API version, reads
 * {@code /info} raw and concludes the GPU path. A {@code unix://} endpoint is read with the JDK alone
 * ({@link UnixSocketEngine}); TCP, named pipes and the probe container go through docker-java. With
 * {@code DetectOptions.dockerProbeContainer()} it also starts a short {@code --gpus all} probe container
 * ({@link GpuProbeContainer}). Registered for {@link java.util.ServiceLoader} as a {@link DockerFactProvider}.
 *
 * <p>Unknown reasons: {@code not-found} (no socket, connection refused), {@code permission-denied} (socket
 * refused this user), {@code timed-out}, {@code command-failed} (TLS, HTTP or protocol errors); the detail names
 * the endpoint. Cost: two HTTP requests, each within the probe timeout (plus, opt-in, one container).
 */
public final class DockerEngineProbe implements DockerFactProvider, Probe<DockerEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngineProbe.class);

    @Override
    public List<Probe<DockerEngine>> probes() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "docker-api";
    }

    @Override
    public Fact<DockerEngine> probe(ProbeContext context) {
        try {
            DockerEngine engine = inspect(context);
            LOG.debug("docker-api: {} engine {} gpu path {}", engine.endpoint(), engine.serverVersion(),
                    engine.gpuPath());
            return Fact.known(engine, id());
        } catch (DockerUnavailableException e) {
            LOG.debug("docker-api: {}", e.getMessage());
            return Fact.unknown(reason(e.kind()), e.getMessage());
        }
    }

    private static DockerEngine inspect(ProbeContext context) {
        Duration timeout = context.probeTimeout();
        if (!context.options().dockerProbeContainer()) {
            URI endpoint = resolve(context);
            if (endpoint != null && UnixSocketEngine.supports(endpoint)) {
                return describe(UnixSocketEngine.open(endpoint, timeout), context, null);
            }
        }
        try (EngineConnection connection = EngineConnection.open(context.environment(), timeout, timeout)) {
            return describe(connection, context, context.options().dockerProbeContainer() ? connection : null);
        }
    }

    /** The endpoint; {@code null} when docker-java's configuration fails ({@link EngineConnection} reports why). */
    private static URI resolve(ProbeContext context) {
        try {
            return EngineEndpoint.resolve(context.environment());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads {@code /info} and concludes the GPU path (with a probe container when {@code probeWith} is given). */
    private static DockerEngine describe(EngineApi engine, ProbeContext context, EngineConnection probeWith) {
        EngineInfo info = EngineInspector.info(engine);
        GpuPathResolver.Conclusion path = GpuPathResolver.resolve(engine.version(), info, context.files(),
                EngineInspector.sharesFiles(engine, info));
        if (probeWith != null) {
            path = GpuProbeContainer.verify(probeWith, path, context.probeTimeout());
        }
        return EngineInspector.engine(engine, info, path);
    }

    static Reason reason(DockerUnavailableException.Kind kind) {
        return switch (kind) {
            case NOT_RUNNING -> Reason.NOT_FOUND;
            case PERMISSION_DENIED -> Reason.PERMISSION_DENIED;
            case TIMED_OUT -> Reason.TIMED_OUT;
            case TLS, PROTOCOL -> Reason.COMMAND_FAILED;
        };
    }
}
