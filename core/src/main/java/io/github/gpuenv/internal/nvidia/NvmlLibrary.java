package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of NVML ({@code nvml.h}) gpuenv calls, mapped for JNA. Every function returns an {@code nvmlReturn_t}
 * ({@link NvmlReturn}); {@code unsigned int} is a Java {@code int}, {@code char *} output buffers are {@code byte[]},
 * {@code nvmlDevice_t} is an opaque {@link Pointer}. Loaded by {@link NvmlSessions} from an explicit path or soname.
 * A function the loaded library lacks throws {@link UnsatisfiedLinkError} when called; {@link NvmlDeviceReader}
 * turns that into {@link NvmlReturn#FUNCTION_NOT_FOUND}.
 */
public interface NvmlLibrary extends Library {

    /** {@code NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE}. */
    int DRIVER_VERSION_BUFFER_SIZE = 80;
    /** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}. */
    int NAME_BUFFER_SIZE = 96;
    /** {@code NVML_DEVICE_UUID_V2_BUFFER_SIZE}. */
    int UUID_BUFFER_SIZE = 96;
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
    int nvmlSystemGetCudaDriverVersion_v2(IntByReference cudaDriverVersion);

    /** {@code nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount)}. */
    int nvmlDeviceGetCount_v2(IntByReference deviceCount);

    /** {@code nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)}. */
    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    /** {@code nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)}. */
    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    /** {@code nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length)}. */
    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** {@code nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci)}. */
    int nvmlDeviceGetPciInfo_v3(Pointer device, NvmlPciInfo pci);

    /** {@code nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)}. */
    int nvmlDeviceGetMemoryInfo(Pointer device, NvmlMemory memory);

    /** {@code nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int *major, int *minor)}. */
    int nvmlDeviceGetCudaComputeCapability(Pointer device, IntByReference major, IntByReference minor);

    /** {@code nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode, unsigned int *pendingMode)}. */
    int nvmlDeviceGetMigMode(Pointer device, IntByReference currentMode, IntByReference pendingMode);
}
