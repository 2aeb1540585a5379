package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted NVML for tests of the logic around the native calls (what a call's return code becomes, per-GPU
 * failures, session reuse). It fills the same output parameters the real library fills; the native mapping itself is
 * checked by loading real libraries in {@link NvmlGpuProbeTest}. Counts init and shutdown calls.
 */
final class FakeNvmlLibrary implements NvmlLibrary {

    /** One scripted GPU; a field's return code other than 0 makes that call fail. */
    static final class Gpu {
        int handleRc;
        String name = "NVIDIA H200";
        int nameRc;
        String uuid = "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510";
        int uuidRc;
        String busId = "00000000:00:06.0";
        int pciRc;
        long memoryTotal = 150_754_820_096L;
        int memoryRc;
        int major = 9;
        int minor = 0;
        int ccRc;
        int migMode;
        int migRc = NvmlReturn.NOT_SUPPORTED;
    }

    int initRc;
    int initCalls;
    int shutdownCalls;
    String driverVersion = "580.159.04";
    int driverRc;
    int cudaVersion = 13000;
    int cudaRc;
    int countRc;
    final List<Gpu> gpus = new ArrayList<>();
    private final Map<Long, Integer> handles = new HashMap<>();

    FakeNvmlLibrary gpu(Gpu gpu) {
        gpus.add(gpu);
        return this;
    }

    @Override
    public int nvmlInit_v2() {
        initCalls++;
        return initRc;
    }

    @Override
    public int nvmlShutdown() {
        shutdownCalls++;
        return 0;
    }

    @Override
    public String nvmlErrorString(int result) {
        return switch (result) {
            case 9 -> "Driver Not Loaded";
            case 15 -> "GPU is lost";
            case 18 -> "RM has detected an NVML/RM version mismatch.";
            default -> "Unknown Error";
        };
    }

    @Override
    public int nvmlSystemGetDriverVersion(byte[] version, int length) {
        return driverRc != 0 ? driverRc : fill(version, length, driverVersion);
    }

    @Override
    public int nvmlSystemGetCudaDriverVersion_v2(int[] cudaDriverVersion) {
        if (cudaRc != 0) {
            return cudaRc;
        }
        cudaDriverVersion[0] = cudaVersion;
        return 0;
    }

    @Override
    public int nvmlDeviceGetCount_v2(int[] deviceCount) {
        if (countRc != 0) {
            return countRc;
        }
        deviceCount[0] = gpus.size();
        return 0;
    }

    @Override
    public int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device) {
        Gpu gpu = gpus.get(index);
        if (gpu.handleRc != 0) {
            return gpu.handleRc;
        }
        long peer = 0x1000L + index * 16L;
        handles.put(peer, index);
        device.setValue(new Pointer(peer));
        return 0;
    }

    @Override
    public int nvmlDeviceGetName(Pointer device, byte[] name, int length) {
        Gpu gpu = gpu(device);
        return gpu.nameRc != 0 ? gpu.nameRc : fill(name, length, gpu.name);
    }

    @Override
    public int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length) {
        Gpu gpu = gpu(device);
        return gpu.uuidRc != 0 ? gpu.uuidRc : fill(uuid, length, gpu.uuid);
    }

    @Override
    public int nvmlDeviceGetPciInfo_v3(Pointer device, byte[] pci) {
        Gpu gpu = gpu(device);
        if (gpu.pciRc != 0) {
            return gpu.pciRc;
        }
        byte[] busId = new byte[32]; // nvmlPciInfo_t.busId, at offset 36 of the 68-byte struct
        int rc = fill(busId, busId.length, gpu.busId);
        System.arraycopy(busId, 0, pci, NvmlLibrary.PCI_INFO_BUS_ID_OFFSET, busId.length);
        return rc;
    }

    @Override
    public int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory) {
        Gpu gpu = gpu(device);
        if (gpu.memoryRc != 0) {
            return gpu.memoryRc;
        }
        memory[0] = gpu.memoryTotal;
        memory[1] = gpu.memoryTotal;
        memory[2] = 0;
        return 0;
    }

    @Override
    public int nvmlDeviceGetCudaComputeCapability(Pointer device, int[] major, int[] minor) {
        Gpu gpu = gpu(device);
        if (gpu.ccRc != 0) {
            return gpu.ccRc;
        }
        major[0] = gpu.major;
        minor[0] = gpu.minor;
        return 0;
    }

    @Override
    public int nvmlDeviceGetMigMode(Pointer device, int[] currentMode, int[] pendingMode) {
        Gpu gpu = gpu(device);
        if (gpu.migRc != 0) {
            return gpu.migRc;
        }
        currentMode[0] = gpu.migMode;
        pendingMode[0] = gpu.migMode;
        return 0;
    }

    private Gpu gpu(Pointer device) {
        return gpus.get(handles.get(Pointer.nativeValue(device)));
    }

    /** Copies {@code text} and a NUL into the caller's buffer, as NVML does; INSUFFICIENT_SIZE when it does not fit. */
    private static int fill(byte[] buffer, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length + 1 > Math.min(length, buffer.length)) {
            return 7;
        }
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        buffer[bytes.length] = 0;
        return 0;
    }
}
