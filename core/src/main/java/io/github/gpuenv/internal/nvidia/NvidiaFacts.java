package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.internal.probe.FactChain;

/**
 * The probe chain of the NVIDIA driver fact ({@code nvidia} in the report), preferred first: NVML through JNA
 * ({@code nvml}), the kernel module's {@code /proc/driver/nvidia} files ({@code procfs}), {@code nvidia-smi}
 * ({@code nvidia-smi}), OSHI's graphics cards ({@code oshi}, name only). The first known result wins; each probe can be
 * skipped by id ({@code DetectOptions.builder().skipProbe("nvml")}).
 */
public final class NvidiaFacts {

    private NvidiaFacts() {
    }

    /** The chain, a fresh one per detection (the NVML probe shares the process-wide {@link NvmlSessions}). */
    public static FactChain<NvidiaDriver> nvidia() {
        return FactChain.of("nvidia", new NvmlGpuProbe(), new ProcDriverNvidiaProbe(), new NvidiaSmiGpuProbe(),
                new OshiGpuProbe());
    }
}
