package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslCommandException;
import io.github.gpuenv.wsl.WslDistribution;
import io.github.gpuenv.wsl.WslOperation;
import io.github.gpuenv.wsl.WslOptions;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.wsl.WslStatus;
import io.github.gpuenv.wsl.WslTimeoutException;
import io.github.gpuenv.wsl.WslVersion;
import java.util.List;

/**
 * Probe {@code wsl-exe}: WSL seen from the Windows side through {@code wsl.exe --status}, {@code --list --verbose}
 * and {@code --version} (each limited to the probe timeout). Not applicable — nothing is run — unless this is
 * Windows, this process runs inside WSL, or a {@code wsl.exe} is configured ({@code GPUENV_WSL_EXE}).
 * A missing {@code wsl.exe} on Windows is a known "not installed" host, not an unknown. Inside WSL, WSL is
 * installed by definition: with interop disabled the fact is unknown ({@code permission-denied}: Windows programs
 * cannot be run from here), with {@code wsl.exe} nowhere to be found {@code not-found} — never "not installed".
 */
public final class WslExeHostProbe implements Probe<WslHost> {

    /** The probe id. */
    public static final String ID = "wsl-exe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<WslHost> probe(ProbeContext context) {
        WslExeLocator.Location location = WslExeLocator.locate(context.options().wslExe(), context.environment(),
                context.files());
        if (location.exe().isEmpty()) {
            return switch (location.kind()) {
                case INTEROP_DISABLED -> Fact.unknown(Reason.PERMISSION_DENIED, location.how() + " → "
                        + location.problem().remedy());
                case INTEROP_UNREACHABLE -> Fact.unknown(Reason.NOT_FOUND, location.how() + " → "
                        + location.problem().remedy());
                default -> Fact.unknown(Reason.NOT_APPLICABLE, location.how());
            };
        }
        WslOptions.Builder options = WslOptions.builder(context.environment()).wslExe(location.exe().get())
                .commandRunner(context.commands()).files(context.files());
        for (WslOperation op : List.of(WslOperation.STATUS, WslOperation.LIST, WslOperation.VERSION)) {
            options.timeout(op, context.probeTimeout());
        }
        Wsl wsl = Wsl.local(options.build());
        try {
            WslStatus status = wsl.status();
            WslProblem problem = status.problemIfAny().orElse(null);
            if (!status.installed()) {
                return Fact.known(new WslHost(false, problem, null, null, null, null, List.of()), ID);
            }
            List<WslHost.Distribution> distributions = wsl.list().stream().map(WslExeHostProbe::distribution).toList();
            WslVersion version = version(wsl);
            String defaultDistribution = status.defaultDistribution() == null
                    ? distributions.stream().filter(WslHost.Distribution::isDefault).map(WslHost.Distribution::name)
                            .findFirst().orElse(null)
                    : status.defaultDistribution();
            return Fact.known(new WslHost(true, problem, defaultDistribution, status.defaultVersion(),
                    version.wslVersion(), version.kernelVersion(), distributions), ID);
        } catch (WslTimeoutException e) {
            return Fact.unknown(Reason.TIMED_OUT, e.getMessage());
        } catch (WslCommandException e) {
            return Fact.unknown(Reason.COMMAND_FAILED, e.getMessage());
        }
    }

    private static WslVersion version(Wsl wsl) {
        try {
            return wsl.version();
        } catch (WslTimeoutException e) {
            throw e;
        } catch (WslCommandException e) {
            return new WslVersion(null, null, null, null, null, null, null); // inbox WSL has no --version
        }
    }

    private static WslHost.Distribution distribution(WslDistribution d) {
        return new WslHost.Distribution(d.name(), d.state(), d.version(), d.isDefault());
    }
}
