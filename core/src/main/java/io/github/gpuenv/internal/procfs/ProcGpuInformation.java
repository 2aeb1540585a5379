package io.github.gpuenv.internal.procfs;

/**
 * One {@code /proc/driver/nvidia/gpus/<bus>/information} file, parsed. Values are null when the file lacks them.
 *
 * @param model {@code Model:}, e.g. {@code "NVIDIA H200"}
 * @param uuid {@code GPU UUID:}
 * @param busLocation {@code Bus Location:}, e.g. {@code "0000:00:06.0"}
 * @param deviceMinor {@code Device Minor:} (the N of {@code /dev/nvidiaN})
 * @param excluded {@code GPU Excluded: Yes} (the driver hides it from NVML and nvidia-smi)
 */
public record ProcGpuInformation(String model, String uuid, String busLocation, Integer deviceMinor, boolean excluded) {
}
