package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code nvidia.gpu}: the driver lists at least one GPU it can read. Passes listing them; fails when it lists none
 * or none is readable; warns when some GPU could not be read, or when the GPUs were seen by OSHI only (name only,
 * no driver behind them). Skipped when the driver fact is unknown ({@code nvidia.driver} says why).
 */
final class NvidiaGpuCheck implements ReadinessCheck {

    static final String ID = "nvidia.gpu";
    private static final long GIB = 1024L * 1024L * 1024L;

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        if (!facts.nvidia().isKnown()) {
            return Check.skipped(ID, "no NVIDIA driver answered (see nvidia.driver)");
        }
        NvidiaDriver driver = facts.nvidia().value();
        List<GpuDevice> gpus = driver.gpus();
        if (gpus.isEmpty()) {
            return Check.fail(ID, "the NVIDIA driver lists no GPU (from " + driver.source() + ")",
                    "Check that the GPU is seen by the system (Linux: lspci | grep -i nvidia) and not excluded; on WSL"
                            + " every GPU must be in WDDM mode (one TCC GPU hides them all). See "
                            + NvidiaRemedies.WSL_GUIDE);
        }
        if (driver.source().equals(OshiGpuProbe.ID)) {
            return Check.warn(ID, gpus.size() + " NVIDIA GPU(s) found by OSHI only (name only): " + list(gpus),
                    NvidiaRemedies.installDriver(NvidiaRemedies.place(facts)));
        }
        List<GpuDevice> broken = gpus.stream().filter(g -> g.error() != null).toList();
        if (broken.size() == gpus.size()) {
            return Check.fail(ID, "no NVIDIA GPU could be read: " + errors(broken), NvidiaRemedies.gpuError());
        }
        if (!broken.isEmpty()) {
            return Check.warn(ID, gpus.size() + " GPU(s): " + list(gpus) + "; not readable: " + errors(broken),
                    NvidiaRemedies.gpuError());
        }
        return Check.pass(ID, gpus.size() + " GPU(s): " + list(gpus));
    }

    private static String list(List<GpuDevice> gpus) {
        return gpus.stream().map(NvidiaGpuCheck::describe).collect(Collectors.joining(", "));
    }

    private static String errors(List<GpuDevice> gpus) {
        return gpus.stream().map(g -> "#" + g.index() + " " + g.error()).collect(Collectors.joining("; "));
    }

    /** {@code "#0 NVIDIA H200 (140 GiB, compute capability 9.0)"}. */
    static String describe(GpuDevice gpu) {
        StringBuilder s = new StringBuilder("#").append(gpu.index()).append(' ')
                .append(gpu.name() == null ? "(unnamed)" : gpu.name());
        if (gpu.memoryTotalBytes() != null || gpu.computeCapability() != null) {
            s.append(" (");
            if (gpu.memoryTotalBytes() != null) {
                s.append(gpu.memoryTotalBytes() / GIB).append(" GiB");
            }
            if (gpu.computeCapability() != null) {
                s.append(gpu.memoryTotalBytes() != null ? ", " : "").append("compute capability ")
                        .append(gpu.computeCapability());
            }
            s.append(')');
        }
        return s.toString();
    }
}
