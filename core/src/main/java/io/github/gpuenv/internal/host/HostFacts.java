package io.github.gpuenv.internal.host;

import io.github.gpuenv.OperatingSystem;
import io.github.gpuenv.WindowsHost;
import io.github.gpuenv.WslEnvironment;
import io.github.gpuenv.internal.probe.FactChain;

/** The probe chains of the host facts: operating system, Windows build, WSL from inside. */
public final class HostFacts {

    private HostFacts() {
    }

    public static FactChain<OperatingSystem> os() {
        return FactChain.of("os");
    }

    public static FactChain<WindowsHost> windows() {
        return FactChain.of("windows");
    }

    public static FactChain<WslEnvironment> wsl() {
        return FactChain.of("wsl");
    }
}
