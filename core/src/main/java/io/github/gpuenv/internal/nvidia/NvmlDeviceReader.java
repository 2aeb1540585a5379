package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Reads the driver and every GPU from an initialised {@link NvmlLibrary}. System-level failures (driver version, device
 * count) make the fact unknown with the mapped reason; a failure on one GPU is written into that GPU's
 * {@link GpuDevice#error()} and the other GPUs are still read. {@code NVML_ERROR_NOT_SUPPORTED} for an optional field
 * (MIG mode, compute capability, memory) leaves it null without an error.
 *
 * <p>{@code Fact<NvidiaDriver> f = new NvmlDeviceReader(nvml).read();}
 */
final class NvmlDeviceReader {

    /** More GPUs than any machine has; bounds the loop if a broken library returns a huge count. */
    static final int MAX_DEVICES = 1024;

    private final NvmlLibrary nvml;

    NvmlDeviceReader(NvmlLibrary nvml) {
        this.nvml = nvml;
    }

    /** The driver with its GPUs, known from {@code "nvml"}; or why not. */
    Fact<NvidiaDriver> read() {
        byte[] version = new byte[NvmlLibrary.DRIVER_VERSION_BUFFER_SIZE];
        int rc = call(() -> nvml.nvmlSystemGetDriverVersion(version, version.length));
        if (rc != NvmlReturn.SUCCESS) {
            return miss("nvmlSystemGetDriverVersion", rc).toFact();
        }
        int[] count = new int[1];
        rc = call(() -> nvml.nvmlDeviceGetCount_v2(count));
        if (rc != NvmlReturn.SUCCESS) {
            return miss("nvmlDeviceGetCount_v2", rc).toFact();
        }
        List<GpuDevice> gpus = new ArrayList<>();
        for (int i = 0; i < Math.min(count[0], MAX_DEVICES); i++) {
            gpus.add(device(i));
        }
        return Fact.known(new NvidiaDriver(text(version), cudaVersion(), NvmlGpuProbe.ID, gpus), NvmlGpuProbe.ID);
    }

    /** {@code nvmlSystemGetCudaDriverVersion_v2} as {@code "13.0"}; empty when the call fails. */
    private String cudaVersion() {
        int[] cuda = new int[1];
        int rc = call(() -> nvml.nvmlSystemGetCudaDriverVersion_v2(cuda));
        return rc == NvmlReturn.SUCCESS ? cudaVersionText(cuda[0]) : "";
    }

    /** NVML's integer CUDA version ({@code 1000 * major + 10 * minor}) as text: 13000 → "13.0", 12040 → "12.4". */
    static String cudaVersionText(int version) {
        return version <= 0 ? "" : (version / 1000) + "." + (version % 1000) / 10;
    }

    private GpuDevice device(int index) {
        PointerByReference handleRef = new PointerByReference();
        int rc = call(() -> nvml.nvmlDeviceGetHandleByIndex_v2(index, handleRef));
        if (rc != NvmlReturn.SUCCESS) {
            return new GpuDevice(index, "", null, null, null, null, null, describe("nvmlDeviceGetHandleByIndex_v2", rc));
        }
        Pointer handle = handleRef.getValue();
        List<String> errors = new ArrayList<>();

        byte[] name = new byte[NvmlLibrary.NAME_BUFFER_SIZE];
        String nameText = ok("nvmlDeviceGetName", call(() -> nvml.nvmlDeviceGetName(handle, name, name.length)),
                errors) ? text(name) : "";

        byte[] uuid = new byte[NvmlLibrary.UUID_BUFFER_SIZE];
        String uuidText = ok("nvmlDeviceGetUUID", call(() -> nvml.nvmlDeviceGetUUID(handle, uuid, uuid.length)),
                errors) ? text(uuid) : null;

        byte[] pci = new byte[NvmlLibrary.PCI_INFO_SIZE];
        String busId = ok("nvmlDeviceGetPciInfo_v3", call(() -> nvml.nvmlDeviceGetPciInfo_v3(handle, pci)), errors)
                ? busId(pci) : null;

        long[] memory = new long[NvmlLibrary.MEMORY_FIELDS];
        Long total = ok("nvmlDeviceGetMemoryInfo", call(() -> nvml.nvmlDeviceGetMemoryInfo(handle, memory)), errors)
                ? Long.valueOf(memory[0]) : null;

        int[] major = new int[1];
        int[] minor = new int[1];
        String cc = ok("nvmlDeviceGetCudaComputeCapability",
                call(() -> nvml.nvmlDeviceGetCudaComputeCapability(handle, major, minor)), errors)
                ? major[0] + "." + minor[0] : null;

        int[] current = new int[1];
        int[] pending = new int[1];
        String mig = ok("nvmlDeviceGetMigMode", call(() -> nvml.nvmlDeviceGetMigMode(handle, current, pending)),
                errors) ? (current[0] == NvmlLibrary.MIG_ENABLE ? "Enabled" : "Disabled") : null;

        return new GpuDevice(index, nameText, blankToNull(uuidText), blankToNull(busId), total, cc, mig,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    /**
     * True on success; records a failure in {@code errors} unless it says the GPU or driver lacks the feature
     * ({@code NOT_SUPPORTED}, or {@code FUNCTION_NOT_FOUND} from a driver older than the function).
     */
    private boolean ok(String function, int rc, List<String> errors) {
        if (rc == NvmlReturn.SUCCESS) {
            return true;
        }
        if (rc != NvmlReturn.NOT_SUPPORTED && rc != NvmlReturn.FUNCTION_NOT_FOUND) {
            errors.add(describe(function, rc));
        }
        return false;
    }

    private ProbeMiss miss(String function, int rc) {
        return NvmlReturn.miss(function, rc, errorString(rc));
    }

    private String describe(String function, int rc) {
        return NvmlReturn.describe(function, rc, errorString(rc));
    }

    private String errorString(int rc) {
        if (rc == NvmlReturn.FUNCTION_NOT_FOUND) {
            return "this NVML library lacks the function";
        }
        try {
            return nvml.nvmlErrorString(rc);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "";
        }
    }

    /** Runs one NVML call; a function missing from the library is {@code NVML_ERROR_FUNCTION_NOT_FOUND}. */
    static int call(IntSupplier nvmlCall) {
        try {
            return nvmlCall.getAsInt();
        } catch (UnsatisfiedLinkError e) {
            return NvmlReturn.FUNCTION_NOT_FOUND;
        }
    }

    /** A NUL-terminated C string in {@code buffer}, decoded as UTF-8. */
    static String text(byte[] buffer) {
        return text(buffer, 0);
    }

    /** {@code nvmlPciInfo_t.busId} from the struct's bytes ({@link NvmlLibrary#PCI_INFO_BUS_ID_OFFSET}). */
    static String busId(byte[] pciInfo) {
        return text(pciInfo, NvmlLibrary.PCI_INFO_BUS_ID_OFFSET);
    }

    private static String text(byte[] buffer, int start) {
        int end = start;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, start, end - start, StandardCharsets.UTF_8).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
