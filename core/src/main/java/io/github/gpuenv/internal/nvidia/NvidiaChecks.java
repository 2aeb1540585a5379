package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/** The checks of this area: nvidia.driver, nvidia.gpu. */
public final class NvidiaChecks {

    private NvidiaChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of();
    }
}
