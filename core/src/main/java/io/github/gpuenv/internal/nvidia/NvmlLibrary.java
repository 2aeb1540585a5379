package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of NVML ({@code nvml.h}) gpuenv calls. Every function returns an {@code nvmlReturn_t}
 * ({@link NvmlReturn}); {@code unsigned int} is a Java {@code int}, {@code char *} output buffers are {@code byte[]},
 * {@code nvmlDevice_t} is an opaque {@link Pointer}. Out-parameters are Java arrays, which JNA passes as pointers to
 * their elements without reflection: {@code unsigned int *} is an {@code int[1]}, a struct is a {@code byte[]} or
 * {@code long[]} of its size read at the offsets {@code nvml.h} gives (no {@code Structure}: its reflective set-up cost
 * a cold {@code detect} about 10 ms, docs/speed.md). Implemented over JNA by {@link JnaNvmlLibrary}, loaded by
 * {@link NvmlSessions} from an explicit path or soname.
 * A function the loaded library lacks throws {@link UnsatisfiedLinkError} when called; {@link NvmlDeviceReader}
 * turns that into {@link NvmlReturn#FUNCTION_NOT_FOUND}.
 */
interface NvmlLibrary {

    /** {@code NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE}. */
    int DRIVER_VERSION_BUFFER_SIZE = 80;
    /** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}. */
    int NAME_BUFFER_SIZE = 96;
    /** {@code NVML_DEVICE_UUID_V2_BUFFER_SIZE}. */
    int UUID_BUFFER_SIZE = 96;
    /**
     * {@code sizeof(nvmlPciInfo_t)} as {@code nvmlDeviceGetPciInfo_v3} fills it: {@code char busIdLegacy[16]; unsigned
     * int domain, bus, device, pciDeviceId, pciSubSystemId; char busId[32];}.
     */
    int PCI_INFO_SIZE = 68;
    /** Where {@code busId} ({@code NVML_DEVICE_PCI_BUS_ID_BUFFER_SIZE}, e.g. {@code "00000000:00:06.0"}) starts. */
    int PCI_INFO_BUS_ID_OFFSET = 36;
    /** {@code nvmlMemory_t}: {@code unsigned long long total, free, used;} in bytes, {@code total} first. */
    int MEMORY_FIELDS = 3;
    /** {@code NVML_DEVICE_MIG_ENABLE}. */
    int MIG_ENABLE = 1;

    /** {@code nvmlReturn_t nvmlInit_v2(void)}. */
    int nvmlInit_v2();

    /** {@code nvmlReturn_t nvmlShutdown(void)}. */
    int nvmlShutdown();

    /** {@code const char *nvmlErrorString(nvmlReturn_t result)}. */
    String nvmlErrorString(int result);

    /** {@code nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length)}. */
    int nvmlSystemGetDriverVersion(byte[] version, int length);

    /** {@code nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *cudaDriverVersion)}: e.g. 13000 for 13.0. */
    int nvmlSystemGetCudaDriverVersion_v2(int[] cudaDriverVersion);

    /** {@code nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount)}. */
    int nvmlDeviceGetCount_v2(int[] deviceCount);

    /** {@code nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)}. */
    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    /** {@code nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)}. */
    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    /** {@code nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length)}. */
    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** {@code nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci)}. */
    int nvmlDeviceGetPciInfo_v3(Pointer device, byte[] pci);

    /** {@code nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)}. */
    int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory);

    /** {@code nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int *major, int *minor)}. */
    int nvmlDeviceGetCudaComputeCapability(Pointer device, int[] major, int[] minor);

    /** {@code nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode, unsigned int *pendingMode)}. */
    int nvmlDeviceGetMigMode(Pointer device, int[] currentMode, int[] pendingMode);
}
