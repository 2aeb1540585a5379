package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Structure;

/**
 * {@code nvmlPciInfo_t} as filled by {@code nvmlDeviceGetPciInfo_v3}: {@code char busIdLegacy[16]; unsigned int
 * domain, bus, device, pciDeviceId, pciSubSystemId; char busId[32];} (68 bytes, {@code busId} at offset 36).
 * Public only because JNA reads its fields reflectively.
 */
@Structure.FieldOrder({"busIdLegacy", "domain", "bus", "device", "pciDeviceId", "pciSubSystemId", "busId"})
public final class NvmlPciInfo extends Structure {
    /** {@code NVML_DEVICE_PCI_BUS_ID_BUFFER_V2_SIZE}: the legacy {@code domain:bus:device.function} string. */
    public byte[] busIdLegacy = new byte[16];
    public int domain;
    public int bus;
    public int device;
    public int pciDeviceId;
    public int pciSubSystemId;
    /** {@code NVML_DEVICE_PCI_BUS_ID_BUFFER_SIZE}: e.g. {@code "00000000:00:06.0"}. */
    public byte[] busId = new byte[32];
}
