package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/**
 * The checks of this area, in report order: {@code nvidia.driver} ({@link NvidiaDriverCheck}) and
 * {@code nvidia.gpu} ({@link NvidiaGpuCheck}). Pure: they read the facts only.
 */
public final class NvidiaChecks {

    private NvidiaChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of(new NvidiaDriverCheck(), new NvidiaGpuCheck());
    }
}
