package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.internal.check.ReadinessCheck;
import io.github.gpuenv.internal.nvidia.NvidiaRemedies.Place;
import java.util.stream.Collectors;

/**
 * {@code nvidia.driver}: an NVIDIA driver answers. Passes with its version and CUDA version; fails with the fix for
 * the reason (not loaded, version mismatch, not installed, permission); unknown when a probe timed out or failed in a
 * way that names no cause. A card seen only by OSHI is not a working driver: fail (warn on Windows, where the
 * installed driver's version is known).
 */
final class NvidiaDriverCheck implements ReadinessCheck {

    static final String ID = "nvidia.driver";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Place place = NvidiaRemedies.place(facts);
        Fact<NvidiaDriver> fact = facts.nvidia();
        if (fact instanceof Fact.Unknown<NvidiaDriver> unknown) {
            return unknown(unknown, place);
        }
        NvidiaDriver driver = fact.value();
        if (driver.source().equals(OshiGpuProbe.ID)) {
            String names = driver.gpus().stream().map(GpuDevice::name).collect(Collectors.joining(", "));
            if (driver.driverVersion() == null) {
                return Check.fail(ID, "an NVIDIA GPU is present (" + names + ") but no NVIDIA driver answered"
                        + " (NVML, /proc/driver/nvidia and nvidia-smi found none)", NvidiaRemedies.installDriver(place));
            }
            return Check.warn(ID, "NVIDIA driver " + driver.driverVersion() + " is installed (" + names
                    + ") but neither NVML nor nvidia-smi answered", NvidiaRemedies.runNvidiaSmi());
        }
        String version = driver.driverVersion() == null ? "(version not reported)" : driver.driverVersion();
        String cuda = driver.cudaDriverVersion() == null
                ? "CUDA version not reported by " + driver.source()
                : "CUDA " + driver.cudaDriverVersion();
        return Check.pass(ID, "NVIDIA driver " + version + ", " + cuda + " (from " + driver.source() + ")");
    }

    private static Check unknown(Fact.Unknown<NvidiaDriver> unknown, Place place) {
        String seen = unknown.describe();
        return switch (unknown.reason()) {
            case NOT_FOUND -> Check.fail(ID, "no NVIDIA driver found: " + seen, NvidiaRemedies.installDriver(place));
            case NOT_APPLICABLE -> Check.fail(ID, "no NVIDIA driver on this system: " + seen,
                    NvidiaRemedies.installDriver(Place.OTHER));
            case DRIVER_NOT_LOADED -> Check.fail(ID, "the NVIDIA kernel driver is not loaded: " + seen,
                    NvidiaRemedies.loadDriver(place));
            case LIBRARY_VERSION_MISMATCH -> Check.fail(ID, "NVIDIA library and kernel driver versions differ: "
                    + seen, NvidiaRemedies.versionMismatch(place));
            case PERMISSION_DENIED -> Check.fail(ID, "access to the NVIDIA driver was refused: " + seen,
                    NvidiaRemedies.permission(unknown.detail()));
            case SKIPPED -> Check.skipped(ID, "every NVIDIA probe was skipped: " + seen);
            case TIMED_OUT -> Check.unknown(ID, "the NVIDIA driver did not answer in time: " + seen,
                    NvidiaRemedies.timedOut());
            default -> Check.unknown(ID, "could not tell whether an NVIDIA driver works: " + seen,
                    NvidiaRemedies.runNvidiaSmi());
        };
    }
}
