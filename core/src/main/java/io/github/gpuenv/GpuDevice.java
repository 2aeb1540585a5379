package io.github.gpuenv;

import java.util.Objects;

/**
 * One NVIDIA GPU. Fields a source cannot give are null (OSHI gives only the name).
 *
 * @param index the driver's index (as {@code nvidia-smi} numbers it)
 * @param name e.g. {@code "NVIDIA H200"}
 * @param uuid e.g. {@code "GPU-8f6b…"}; null when not known
 * @param pciBusId e.g. {@code "00000000:00:06.0"}; null when not known
 * @param memoryTotalBytes total memory in bytes; null when not known
 * @param computeCapability e.g. {@code "9.0"}; null when not known
 * @param migMode {@code "Enabled"}, {@code "Disabled"}, or null when not supported or not known
 */
public record GpuDevice(int index, String name, String uuid, String pciBusId, Long memoryTotalBytes,
                        String computeCapability, String migMode) {
    public GpuDevice {
        name = Objects.requireNonNullElse(name, "");
    }
}
