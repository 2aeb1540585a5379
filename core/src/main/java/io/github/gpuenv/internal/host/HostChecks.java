package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/**
 * The checks of this area, in report order: {@code windows.build}, {@code wsl.version}, {@code wsl.kernel},
 * {@code wsl.lib-shadowing}, {@code wsl.gpu-paravirtualization}.
 */
public final class HostChecks {

    private HostChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of(new WindowsBuildCheck(), new WslVersionCheck(), new WslKernelCheck(),
                new WslLibShadowingCheck(), new WslGpuParavirtualizationCheck());
    }
}
