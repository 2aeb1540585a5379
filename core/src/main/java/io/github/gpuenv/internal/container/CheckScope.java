package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.Reason;
import java.util.Optional;

/** When this host's toolkit files say something about the engine, and when they do not. */
final class CheckScope {

    private CheckScope() {
    }

    /**
     * Why the host-side toolkit checks do not apply: inside a container that runs no dockerd of its own (the
     * toolkit lives on the host), on
     * Windows or macOS, or with Docker Desktop (its VM holds the toolkit). Empty when they apply.
     */
    static Optional<String> toolkitNotApplicable(FactSet facts) {
        Optional<ContainerEnvironment> container = facts.container().toOptional();
        if (container.isPresent() && container.get().inside() && !container.get().engineInside()) {
            String runtime = container.get().runtime();
            return Optional.of("this process runs inside a " + (runtime.isEmpty() ? "" : runtime + " ")
                    + "container; the NVIDIA Container Toolkit lives on the host");
        }
        if (facts.toolkit().unknownReason().filter(r -> r == Reason.NOT_APPLICABLE).isPresent()) {
            return Optional.of(facts.toolkit().describe());
        }
        if (facts.docker().toOptional().filter(DockerEngine::dockerDesktop).isPresent()) {
            return Optional.of("Docker Desktop provides GPU support from inside its own VM");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code engine} is the dockerd of this host, configured by {@code /etc/docker/daemon.json} (Podman is
     * configured by containers.conf).
     */
    static boolean configuredByEtcDaemonJson(DockerEngine engine) {
        return !engine.dockerDesktop() && !engine.rootless() && !engine.podman()
                && engine.endpoint().startsWith("unix://");
    }
}
