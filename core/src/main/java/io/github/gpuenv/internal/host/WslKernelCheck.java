package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.VersionNumber;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;

/**
 * {@code wsl.kernel}: the WSL 2 kernel is at least {@link io.github.gpuenv.DetectOptions#minWslKernel()} (5.10.43). Skipped
 * outside WSL and under WSL 1 (which runs no Linux kernel).
 */
final class WslKernelCheck implements ReadinessCheck {

    static final String ID = "wsl.kernel";
    static final String REMEDY = "in Windows run `wsl --update`, then `wsl --shutdown` and reopen the distro";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        var early = WslCheckGate.outsideOrUnknown(ID, facts);
        if (early.isPresent()) {
            return early.get();
        }
        WslEnvironment wsl = facts.wsl().value();
        var wsl1 = WslCheckGate.wsl1(ID, wsl, "WSL 1 runs no Linux kernel");
        if (wsl1.isPresent()) {
            return wsl1.get();
        }
        Optional<VersionNumber> minimum = VersionNumber.parse(options.minWslKernel());
        if (minimum.isEmpty()) {
            return Check.unknown(ID, "the minimum " + ConfigKey.MIN_WSL_KERNEL.property() + "=\""
                    + options.minWslKernel() + "\" is not a version",
                    "set " + ConfigKey.MIN_WSL_KERNEL.property() + " to e.g. " + ConfigKey.MIN_WSL_KERNEL.defaultValue());
        }
        Optional<VersionNumber> kernel = VersionNumber.parse(wsl.kernel());
        if (kernel.isEmpty()) {
            return Check.unknown(ID, "kernel release \"" + wsl.kernel() + "\" has no version number", REMEDY);
        }
        if (kernel.get().isAtLeast(minimum.get())) {
            return Check.pass(ID, "WSL kernel " + wsl.kernel() + " is at least " + minimum.get());
        }
        String custom = wsl.kernel() != null && wsl.kernel().endsWith("+")
                ? "; this is a custom kernel: build a newer one or remove `kernel=` from %UserProfile%\\.wslconfig" : "";
        return Check.fail(ID, "WSL kernel " + wsl.kernel() + " is older than " + minimum.get()
                + ", the lowest that runs CUDA", REMEDY + custom);
    }
}
