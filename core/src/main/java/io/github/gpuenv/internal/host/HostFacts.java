package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.probe.FactChain;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The probe chains of the host facts: operating system ({@code os-release} → {@code registry} → {@code java}),
 * Windows build ({@code registry} on Windows → {@code ver} inside WSL), WSL from inside ({@code procfs}).
 */
public final class HostFacts {

    private static final Supplier<Optional<WindowsRegistry>> REGISTRY = JnaWindowsRegistry::onWindows;

    private HostFacts() {
    }

    /** The {@code os} chain; the registry probe uses JNA only when the JVM runs on Windows. */
    public static FactChain<OperatingSystem> os() {
        return os(REGISTRY);
    }

    static FactChain<OperatingSystem> os(Supplier<Optional<WindowsRegistry>> registry) {
        return FactChain.of("os", new OsReleaseOsProbe(), new RegistryOsProbe(registry), new JavaOsProbe());
    }

    /** The {@code windows} chain: unknown (not applicable) unless on Windows or inside WSL. */
    public static FactChain<WindowsHost> windows() {
        return windows(REGISTRY);
    }

    static FactChain<WindowsHost> windows(Supplier<Optional<WindowsRegistry>> registry) {
        return FactChain.of("windows", new RegistryWindowsProbe(registry), new CmdVerWindowsProbe());
    }

    /** The {@code wsl} chain: known {@code inside=false} anywhere that is not WSL. */
    public static FactChain<WslEnvironment> wsl() {
        return FactChain.of("wsl", new ProcWslProbe());
    }
}
