package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wsl.gpu-paravirtualization}: inside WSL 2, {@code /dev/dxg} and {@code /usr/lib/wsl/lib/libdxcore.so}
 * are present (the Windows driver's GPU reaches the distro). Skipped outside WSL and under WSL 1.
 */
final class WslGpuParavirtualizationCheck implements ReadinessCheck {

    static final String ID = "wsl.gpu-paravirtualization";
    static final String REMEDY = "install or update the NVIDIA driver in Windows (https://www.nvidia.com/Download/index.aspx;"
            + " not inside WSL), then in Windows run `wsl --update` and `wsl --shutdown`, and reopen the distro";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        var early = WslCheckGate.outsideOrUnknown(ID, facts);
        if (early.isPresent()) {
            return early.get();
        }
        WslEnvironment wsl = facts.wsl().value();
        var wsl1 = WslCheckGate.wsl1(ID, wsl, "WSL 1 has no GPU paravirtualization");
        if (wsl1.isPresent()) {
            return wsl1.get();
        }
        List<String> missing = new ArrayList<>();
        if (!wsl.dxgDevice()) {
            missing.add(ProcWslProbe.DXG);
        }
        if (!wsl.wslLibraries().contains("libdxcore.so")) {
            missing.add(WslLibraryScan.LIBDXCORE);
        }
        if (missing.isEmpty()) {
            return Check.pass(ID, ProcWslProbe.DXG + " and " + WslLibraryScan.LIBDXCORE + " are present");
        }
        return Check.fail(ID, "GPU paravirtualization is missing in WSL 2: no " + String.join(", no ", missing),
                REMEDY);
    }
}
