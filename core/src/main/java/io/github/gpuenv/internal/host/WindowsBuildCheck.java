package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.internal.VersionNumber;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;

/**
 * {@code windows.build}: the Windows build runs CUDA in WSL 2 — Windows 11 from
 * {@link io.github.gpuenv.DetectOptions#minWindows11Build()} (22000.160), Windows 10 from {@link io.github.gpuenv.DetectOptions#minWindows10Build()}
 * (19044.1200); build first, then UBR. When the UBR is not known (old {@code ver} output) and the build equals the
 * minimum's, it warns. Skipped when neither Windows nor inside WSL. An unknown build does not block readiness:
 * the driver and Docker checks see a real failure directly.
 */
final class WindowsBuildCheck implements ReadinessCheck {

    static final String ID = "windows.build";
    static final String WINVER_LINK = "https://support.microsoft.com/windows/"
            + "which-version-of-windows-operating-system-am-i-running-628bec99-476a-2c13-5296-9dd081cdd808";
    static final String REMEDY = "update Windows (Settings > Windows Update) and check the build with `winver` ("
            + WINVER_LINK + "); then run `wsl --update` in Windows";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        boolean windows = facts.os().map(OperatingSystem::family).orElse(OsFamily.OTHER) == OsFamily.WINDOWS;
        boolean insideWsl = facts.wsl().map(WslEnvironment::inside).orElse(false);
        if (!windows && !insideWsl) {
            return Check.skipped(ID, "not Windows and not inside WSL");
        }
        if (!facts.windows().isKnown()) {
            return new Check(ID, CheckStatus.UNKNOWN, "the Windows build is unknown: " + facts.windows().describe(),
                    "run `winver` in Windows and compare its OS Build with " + options.minWindows11Build()
                            + " (Windows 11) or " + options.minWindows10Build() + " (Windows 10)", false);
        }
        WindowsHost host = facts.windows().value();
        boolean eleven = WindowsHost.productFor(host.buildNumber()).equals("Windows 11");
        String minimumText = eleven ? options.minWindows11Build() : options.minWindows10Build();
        ConfigKey key = eleven ? ConfigKey.MIN_WINDOWS11_BUILD : ConfigKey.MIN_WINDOWS10_BUILD;
        Optional<VersionNumber> minimum = VersionNumber.parse(minimumText);
        if (minimum.isEmpty()) {
            return new Check(ID, CheckStatus.UNKNOWN, "the minimum " + key.property() + "=\"" + minimumText
                    + "\" is not a build.UBR number", "set " + key.property() + " to e.g. " + key.defaultValue(), false);
        }
        int minBuild = minimum.get().component(0);
        int minUbr = minimum.get().component(1);
        String seen = host.product() + " build " + buildText(host) + describeSource(host);
        String wanted = host.product() + " " + minBuild + "." + minUbr;
        if (host.buildNumber() > minBuild) {
            return Check.pass(ID, seen + " is newer than " + wanted + ", the lowest that runs CUDA in WSL 2");
        }
        if (host.buildNumber() < minBuild) {
            return Check.fail(ID, seen + " is older than " + wanted + ", the lowest that runs CUDA in WSL 2", REMEDY);
        }
        if (host.ubr() < 0) {
            return minUbr == 0
                    ? Check.pass(ID, seen + " reaches " + wanted)
                    : Check.warn(ID, seen + " gives no revision (UBR), so whether it reaches " + wanted
                            + " cannot be told", "run `winver` in Windows: the OS Build must be " + minBuild + "."
                            + minUbr + " or later; if not, " + REMEDY);
        }
        if (host.ubr() >= minUbr) {
            return Check.pass(ID, seen + " reaches " + wanted + ", the lowest that runs CUDA in WSL 2");
        }
        return Check.fail(ID, seen + " is older than " + wanted + ", the lowest that runs CUDA in WSL 2", REMEDY);
    }

    private static String buildText(WindowsHost host) {
        return host.buildNumber() + (host.ubr() >= 0 ? "." + host.ubr() : "");
    }

    private static String describeSource(WindowsHost host) {
        String display = host.displayVersion() == null ? "" : host.displayVersion() + ", ";
        return " (" + display + "from " + host.source() + ")";
    }
}
