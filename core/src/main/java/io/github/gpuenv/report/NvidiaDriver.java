package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * The NVIDIA driver and the GPUs it drives.
 *
 * @param driverVersion e.g. {@code "580.159.04"}; null when the source does not give it (OSHI)
 * @param cudaDriverVersion the highest CUDA version the driver supports, e.g. {@code "13.0"}; null when not known
 * @param source which probe: {@code "nvml"}, {@code "procfs"}, {@code "nvidia-smi"} or {@code "oshi"}
 * @param gpus the GPUs, by index; empty means the driver answered and listed none
 */
public record NvidiaDriver(String driverVersion, String cudaDriverVersion, String source, List<GpuDevice> gpus) {
    public NvidiaDriver {
        driverVersion = Absent.text(driverVersion);
        cudaDriverVersion = Absent.text(cudaDriverVersion);
        Objects.requireNonNull(source, "source");
        gpus = List.copyOf(gpus);
    }
}
