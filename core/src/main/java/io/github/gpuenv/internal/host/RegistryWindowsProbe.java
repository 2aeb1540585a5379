package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code windows} fact on Windows, from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}
 * ({@link WindowsCurrentVersion}). Not applicable on other systems; not found when the registry cannot be read
 * or has no {@code CurrentBuildNumber}.
 */
final class RegistryWindowsProbe implements Probe<WindowsHost> {

    private final Supplier<Optional<WindowsRegistry>> registry;

    RegistryWindowsProbe(Supplier<Optional<WindowsRegistry>> registry) {
        this.registry = registry;
    }

    @Override
    public String id() {
        return WindowsCurrentVersion.SOURCE;
    }

    /** The registry is the live machine's: not read under a fixture root. */
    @Override
    public boolean readsLiveMachine() {
        return true;
    }

    @Override
    public Fact<WindowsHost> probe(ProbeContext context) {
        return readRegistry(context, registry).map(WindowsCurrentVersion::host);
    }

    /** The registry's build on Windows, or why there is none; shared with {@link RegistryOsProbe}. */
    static Fact<WindowsCurrentVersion> readRegistry(ProbeContext context,
                                                    Supplier<Optional<WindowsRegistry>> registry) {
        if (context.osFamily() != OsFamily.WINDOWS) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "not Windows (os.name="
                    + context.environment().property("os.name").orElse("") + ")");
        }
        Optional<WindowsRegistry> windowsRegistry = registry.get();
        if (windowsRegistry.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "the Windows registry cannot be read from this JVM");
        }
        return WindowsCurrentVersion.read(windowsRegistry.get())
                .<Fact<WindowsCurrentVersion>>map(v -> Fact.known(v, WindowsCurrentVersion.SOURCE))
                .orElseGet(() -> Fact.unknown(Reason.NOT_FOUND, "no numeric CurrentBuildNumber under HKLM\\"
                        + WindowsCurrentVersion.KEY));
    }
}
