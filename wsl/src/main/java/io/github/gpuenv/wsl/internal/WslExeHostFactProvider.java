package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.WslHostFactProvider;
import java.util.List;

/** Registers {@link WslExeHostProbe} with core's detection (through {@code META-INF/services}). */
public final class WslExeHostFactProvider implements WslHostFactProvider {

    @Override
    public List<Probe<WslHost>> probes() {
        return List.of(new WslExeHostProbe());
    }
}
