package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.NvidiaDriver;
import io.github.gpuenv.internal.probe.FactChain;

/** The probe chain of the NVIDIA driver fact: NVML, /proc/driver/nvidia, nvidia-smi, OSHI. */
public final class NvidiaFacts {

    private NvidiaFacts() {
    }

    public static FactChain<NvidiaDriver> nvidia() {
        return FactChain.of("nvidia");
    }
}
