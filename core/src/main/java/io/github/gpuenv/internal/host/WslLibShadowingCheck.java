package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.check.ReadinessCheck;

/**
 * {@code wsl.lib-shadowing}: no Linux {@code libcuda.so.1}/{@code libnvidia-ml.so.1} is found before
 * {@code /usr/lib/wsl/lib} (diagnosis D5/D16). Warns when {@code ldconfig -p} could not be read and only the
 * file search was done. Skipped outside WSL.
 */
final class WslLibShadowingCheck implements ReadinessCheck {

    static final String ID = "wsl.lib-shadowing";
    static final String VERIFY = "`ldconfig -p | grep -E 'libcuda.so.1|libnvidia-ml.so.1'`: the first entry of each"
            + " must be under /usr/lib/wsl/lib";
    static final String REMEDY = "remove the Linux NVIDIA driver packages inside WSL: `sudo apt remove --purge"
            + " 'libnvidia-compute-*' 'nvidia-utils-*'` then `sudo ldconfig`; never install a Linux driver in WSL"
            + " (the Windows driver provides /usr/lib/wsl/lib); verify with " + VERIFY
            + " (diagnosis D5/D16)";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        var early = WslCheckGate.outsideOrUnknown(ID, facts);
        if (early.isPresent()) {
            return early.get();
        }
        WslEnvironment wsl = facts.wsl().value();
        if (!wsl.shadowingLibraries().isEmpty()) {
            return Check.fail(ID, "Linux driver libraries shadow /usr/lib/wsl/lib: "
                    + String.join(", ", wsl.shadowingLibraries()) + " (NVML then says \"GPU access blocked by the"
                    + " operating system\", CUDA \"no CUDA-capable device is detected\")", REMEDY);
        }
        if (!wsl.ldconfigRead()) {
            return Check.warn(ID, "no Linux copy of libcuda.so.1/libnvidia-ml.so.1 in the usual directories, but"
                    + " ldconfig -p could not be read to confirm the loader picks /usr/lib/wsl/lib", "run " + VERIFY);
        }
        return Check.pass(ID, "the loader picks libcuda.so.1 and libnvidia-ml.so.1 from /usr/lib/wsl/lib (or"
                + " not at all); no Linux copies found");
    }
}
