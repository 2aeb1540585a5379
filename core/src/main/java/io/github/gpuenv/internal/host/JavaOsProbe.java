package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;

/**
 * The {@code os} fact from Java's system properties alone, the last resort on every platform: family and name
 * from {@code os.name}, arch from {@code os.arch}. Version: {@code os.version} on Windows and macOS (which is the
 * product version there), empty on Linux (where {@code os.version} is the kernel). Kernel: procfs or
 * {@code os.version} on Linux, {@code os.version} on Windows and other systems, empty on macOS (Java does not
 * give Darwin's release). Unknown only when {@code os.name} is not set.
 */
final class JavaOsProbe implements Probe<OperatingSystem> {

    static final String ID = "java";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<OperatingSystem> probe(ProbeContext context) {
        String osName = context.environment().property("os.name").orElse("");
        if (osName.isBlank()) {
            return Fact.unknown(Reason.NOT_FOUND, "the os.name system property is not set");
        }
        String osVersion = context.environment().property("os.version").orElse("");
        OsFamily family = OsFamily.fromOsName(osName);
        String version = family == OsFamily.LINUX ? "" : osVersion;
        String kernel = switch (family) {
            case LINUX -> OsReleaseOsProbe.linuxKernel(context);
            case MACOS -> "";
            default -> osVersion;
        };
        return Fact.known(new OperatingSystem(family, osName, version, kernel, OsReleaseOsProbe.arch(context)), ID);
    }
}
