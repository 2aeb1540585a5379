package io.github.gpuenv.docker.internal;

import io.github.gpuenv.DockerEngine;
import io.github.gpuenv.Fact;
import io.github.gpuenv.Reason;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.spi.DockerFactProvider;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code docker} fact: connects to the engine docker-java's configuration chooses (with the detection's
 * environment), negotiates the API version, reads {@code /info} raw and concludes the GPU path; with
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
        Duration timeout = context.probeTimeout();
        try (EngineConnection connection = EngineConnection.open(context.environment(), timeout, timeout)) {
            EngineInfo info = EngineInspector.info(connection);
            GpuPathResolver.Conclusion path = GpuPathResolver.resolve(info, context.files(),
                    EngineInspector.sharesFiles(connection, info));
            if (context.options().dockerProbeContainer()) {
                path = GpuProbeContainer.verify(connection, path, timeout);
            }
            DockerEngine engine = EngineInspector.engine(connection, info, path);
            LOG.debug("docker-api: {} engine {} gpu path {}", engine.endpoint(), engine.serverVersion(),
                    engine.gpuPath());
            return Fact.known(engine, id());
        } catch (DockerUnavailableException e) {
            LOG.debug("docker-api: {}", e.getMessage());
            return Fact.unknown(reason(e.kind()), e.getMessage());
        }
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
