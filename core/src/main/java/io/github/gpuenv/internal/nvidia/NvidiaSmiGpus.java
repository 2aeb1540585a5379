package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.GpuDevice;
import java.util.List;

/**
 * What {@code nvidia-smi --query-gpu} printed, parsed.
 *
 * @param driverVersion from the first row; empty when there are no rows or the field was {@code [N/A]}
 * @param gpus one per row, in the order printed
 */
record NvidiaSmiGpus(String driverVersion, List<GpuDevice> gpus) {
    NvidiaSmiGpus {
        driverVersion = driverVersion == null ? "" : driverVersion;
        gpus = List.copyOf(gpus);
    }
}
