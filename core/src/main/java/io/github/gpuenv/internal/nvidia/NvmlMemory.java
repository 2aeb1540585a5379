package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Structure;

/**
 * {@code nvmlMemory_t} as filled by {@code nvmlDeviceGetMemoryInfo}: {@code unsigned long long total, free, used;}
 * in bytes (24 bytes). Public only because JNA reads its fields reflectively.
 */
@Structure.FieldOrder({"total", "free", "used"})
public final class NvmlMemory extends Structure {
    public long total;
    public long free;
    public long used;
}
