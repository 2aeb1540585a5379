package io.github.gpuenv.internal.container;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/** The checks of this area: container.require-cuda, toolkit.installed, docker.reachable, docker.gpu-path. */
public final class ContainerChecks {

    private ContainerChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of();
    }
}
