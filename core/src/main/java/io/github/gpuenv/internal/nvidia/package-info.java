/**
 * Not API. The NVIDIA driver and GPU fact: NVML through JNA, {@code /proc/driver/nvidia}, {@code nvidia-smi}, OSHI;
 * parsers and checks.
 */
package io.github.gpuenv.internal.nvidia;
