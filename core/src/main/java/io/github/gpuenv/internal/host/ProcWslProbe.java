package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.KernelRelease;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.spi.WslDetection;
import java.util.Optional;

/**
 * The {@code wsl} fact from inside: {@link WslDetection} (the one WSL rule), then {@code /dev/dxg},
 * {@code /usr/lib/wsl/lib} and library shadowing ({@link WslLibraryScan}). Known with {@code inside=false} on
 * any machine that is not WSL (including Windows and macOS themselves); unknown only when a Linux kernel
 * release cannot be read. Runs {@code ldconfig -p} only inside WSL.
 */
final class ProcWslProbe implements Probe<WslEnvironment> {

    static final String ID = "procfs";
    static final String DXG = "/dev/dxg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<WslEnvironment> probe(ProbeContext context) {
        if (context.osFamily() != OsFamily.LINUX) {
            return Fact.known(WslEnvironment.outside(), ID);
        }
        Optional<WslDetection> detection = WslDetection.detect(context.files(), context.environment());
        if (detection.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "neither " + KernelRelease.OSRELEASE + " nor "
                    + KernelRelease.PROC_VERSION + " gives the kernel release, and no WSL marker is there");
        }
        WslDetection wsl = detection.get();
        if (!wsl.inside()) {
            return Fact.known(WslEnvironment.outside(), ID);
        }
        boolean dxg = context.files().exists(DXG);
        boolean dxcore = context.files().exists(WslLibraryScan.LIBDXCORE);
        WslLibraryScan scan = WslLibraryScan.scan(context);
        String distro = context.environment().variable("WSL_DISTRO_NAME").orElse("");
        return Fact.known(new WslEnvironment(true, wsl.version(), wsl.kernelRelease(), distro, dxg && dxcore, dxg,
                scan.wslLibraries(), scan.shadowingLibraries(), scan.ldconfigRead()), ID);
    }
}
