package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;

/**
 * One NVIDIA GPU. Fields a source cannot give are null (OSHI gives only the name).
 *
 * @param index the driver's index (as {@code nvidia-smi} numbers it: by PCI bus id)
 * @param name e.g. {@code "NVIDIA H200"}; null when it could not be read
 * @param uuid e.g. {@code "GPU-8f6b…"}; null when not known
 * @param pciBusId as the source prints it: {@code "00000000:00:06.0"} (NVML, nvidia-smi) or {@code "0000:00:06.0"}
 *     ({@code /proc/driver/nvidia}); null when not known
 * @param memoryTotalBytes total memory in bytes; null when not known
 * @param computeCapability e.g. {@code "9.0"}; null when not known
 * @param migMode {@code "Enabled"}, {@code "Disabled"}, or null when not supported or not known
 * @param error what went wrong reading this GPU (e.g. {@code "nvmlDeviceGetHandleByIndex_v2: GPU is lost"}); null
 *     when nothing did. A GPU with an error is still listed, with what could be read.
 */
public record GpuDevice(int index, String name, String uuid, String pciBusId, Long memoryTotalBytes,
                        String computeCapability, String migMode, String error) {
    public GpuDevice {
        name = Absent.text(name);
        uuid = Absent.text(uuid);
        pciBusId = Absent.text(pciBusId);
        computeCapability = Absent.text(computeCapability);
        migMode = Absent.text(migMode);
        error = Absent.text(error);
    }

    /** A GPU read without errors. */
    public GpuDevice(int index, String name, String uuid, String pciBusId, Long memoryTotalBytes,
                     String computeCapability, String migMode) {
        this(index, name, uuid, pciBusId, memoryTotalBytes, computeCapability, migMode, null);
    }
}
