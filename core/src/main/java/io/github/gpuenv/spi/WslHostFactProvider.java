package io.github.gpuenv.spi;

import io.github.gpuenv.report.WslHost;
import java.util.List;

/**
 * Supplies the WSL-from-Windows fact. The {@code gpuenv-wsl} module registers one through
 * {@code META-INF/services/io.github.gpuenv.spi.WslHostFactProvider}; without it the fact is unknown with reason
 * {@code module-absent}.
 */
public interface WslHostFactProvider {

    /** The probes of the {@code wslHost} fact, preferred first. */
    List<Probe<WslHost>> probes();
}
