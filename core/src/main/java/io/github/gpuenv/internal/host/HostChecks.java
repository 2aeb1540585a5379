package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/** The checks of this area: windows.build, wsl.version, wsl.kernel, wsl.lib-shadowing. */
public final class HostChecks {

    private HostChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of();
    }
}
