package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code os} fact on Windows: name (e.g. {@code "Windows 11 Pro"}) and full build (e.g.
 * {@code "10.0.22631.4602"}) from the registry ({@link WindowsCurrentVersion}), kernel from {@code os.version},
 * arch from {@code os.arch}. Not applicable elsewhere; costs a few registry reads.
 */
final class RegistryOsProbe implements Probe<OperatingSystem> {

    private final Supplier<Optional<WindowsRegistry>> registry;

    RegistryOsProbe(Supplier<Optional<WindowsRegistry>> registry) {
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
    public Fact<OperatingSystem> probe(ProbeContext context) {
        return RegistryWindowsProbe.readRegistry(context, registry).map(current -> new OperatingSystem(
                OsFamily.WINDOWS, current.productName(), current.host().build(),
                context.environment().property("os.version").orElse(""), OsReleaseOsProbe.arch(context)));
    }
}
