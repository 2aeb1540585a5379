package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.check.ReadinessCheck;

/** {@code wsl.version}: inside WSL, the distro runs under WSL 2 (WSL 1 has no GPU). Skipped outside WSL. */
final class WslVersionCheck implements ReadinessCheck {

    static final String ID = "wsl.version";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        var early = WslCheckGate.outsideOrUnknown(ID, facts);
        if (early.isPresent()) {
            return early.get();
        }
        WslEnvironment wsl = facts.wsl().value();
        String distroArg = wsl.distro() == null ? "<distro>" : quoteIfNeeded(wsl.distro());
        String convert = "`wsl --set-version " + distroArg + " 2`"
                + (wsl.distro() == null ? " (`wsl -l -v` lists the names)" : "");
        if (wsl.version() == null) {
            return Check.unknown(ID, "kernel release " + wsl.kernel() + " does not tell WSL 1 from WSL 2",
                    "in Windows run `wsl -l -v`; if VERSION is 1, run " + convert);
        }
        if (wsl.version() == 2) {
            return Check.pass(ID, WslCheckGate.distro(wsl) + " runs under WSL 2 (kernel " + wsl.kernel() + ")");
        }
        return Check.fail(ID, WslCheckGate.distro(wsl) + " runs under WSL " + wsl.version() + " (kernel "
                + wsl.kernel() + "), which has no GPU support", "in Windows run " + convert);
    }

    private static String quoteIfNeeded(String distro) {
        return distro.matches("[A-Za-z0-9._-]+") ? distro : "\"" + distro + "\"";
    }
}
