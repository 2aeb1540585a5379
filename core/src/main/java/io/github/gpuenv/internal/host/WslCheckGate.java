package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.WslEnvironment;
import java.util.Optional;

/** What every {@code wsl.*} check does before looking: unknown when the fact is, skipped outside WSL. */
final class WslCheckGate {

    private WslCheckGate() {
    }

    /** The check to report instead of evaluating, or empty when inside WSL. */
    static Optional<Check> outsideOrUnknown(String id, FactSet facts) {
        if (!facts.wsl().isKnown()) {
            return Optional.of(Check.unknown(id, "whether this is WSL is unknown: " + facts.wsl().describe(),
                    "check that /proc/sys/kernel/osrelease is readable"));
        }
        if (!facts.wsl().value().inside()) {
            return Optional.of(Check.skipped(id, "not inside WSL"));
        }
        return Optional.empty();
    }

    /** Skipped for WSL 1, where the check has nothing to look at ({@code wsl.version} fails instead). */
    static Optional<Check> wsl1(String id, WslEnvironment wsl, String why) {
        return Integer.valueOf(1).equals(wsl.version())
                ? Optional.of(Check.skipped(id, why + "; see " + WslVersionCheck.ID)) : Optional.empty();
    }

    /** {@code "distro Ubuntu"} or {@code "this distro"}. */
    static String distro(WslEnvironment wsl) {
        return wsl.distro() == null ? "this distro" : "distro " + wsl.distro();
    }
}
