package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.KernelRelease;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.List;
import java.util.Optional;

/**
 * The {@code os} fact on Linux: name and version from {@code /etc/os-release} (else
 * {@code /usr/lib/os-release}: {@code PRETTY_NAME}, {@code VERSION_ID}), kernel from
 * {@code /proc/sys/kernel/osrelease} (else {@code /proc/version}, else {@code os.version}), arch from
 * {@code os.arch}. Not applicable elsewhere. Reads files only.
 */
final class OsReleaseOsProbe implements Probe<OperatingSystem> {

    static final String ID = "os-release";
    static final List<String> PATHS = List.of("/etc/os-release", "/usr/lib/os-release");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<OperatingSystem> probe(ProbeContext context) {
        if (context.osFamily() != OsFamily.LINUX) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "not Linux (os.name="
                    + context.environment().property("os.name").orElse("") + ")");
        }
        for (String path : PATHS) {
            Optional<String> text = context.files().readString(path);
            if (text.isEmpty()) {
                continue;
            }
            Optional<OsReleaseParser.OsRelease> release = OsReleaseParser.parse(text.get());
            if (release.isEmpty()) {
                return Fact.unknown(Reason.UNRECOGNIZED_OUTPUT, path + " holds no KEY=value line");
            }
            return Fact.known(new OperatingSystem(OsFamily.LINUX, release.get().prettyName(),
                    release.get().versionId(), linuxKernel(context), arch(context)), ID);
        }
        return Fact.unknown(Reason.NOT_FOUND, "neither " + String.join(" nor ", PATHS) + " is readable");
    }

    /** The kernel release from procfs, else {@code os.version}; empty when neither is there. */
    static String linuxKernel(ProbeContext context) {
        return KernelRelease.read(context.files())
                .orElseGet(() -> context.environment().property("os.version").orElse(""));
    }

    static String arch(ProbeContext context) {
        return context.environment().property("os.arch").orElse("");
    }
}
