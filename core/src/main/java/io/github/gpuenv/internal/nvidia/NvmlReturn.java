package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Reason;
import java.util.Map;

/**
 * NVML's {@code nvmlReturn_t} codes: their names and the {@link Reason} each maps to.
 *
 * <p>{@code NvmlReturn.reason(NvmlReturn.DRIVER_NOT_LOADED) // Reason.DRIVER_NOT_LOADED}
 */
final class NvmlReturn {

    static final int SUCCESS = 0;
    static final int NOT_SUPPORTED = 3;
    static final int NO_PERMISSION = 4;
    static final int DRIVER_NOT_LOADED = 9;
    static final int TIMEOUT = 10;
    static final int LIBRARY_NOT_FOUND = 12;
    static final int FUNCTION_NOT_FOUND = 13;
    static final int GPU_IS_LOST = 15;
    static final int LIB_RM_VERSION_MISMATCH = 18;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "NVML_SUCCESS"), Map.entry(1, "NVML_ERROR_UNINITIALIZED"),
            Map.entry(2, "NVML_ERROR_INVALID_ARGUMENT"), Map.entry(3, "NVML_ERROR_NOT_SUPPORTED"),
            Map.entry(4, "NVML_ERROR_NO_PERMISSION"), Map.entry(5, "NVML_ERROR_ALREADY_INITIALIZED"),
            Map.entry(6, "NVML_ERROR_NOT_FOUND"), Map.entry(7, "NVML_ERROR_INSUFFICIENT_SIZE"),
            Map.entry(8, "NVML_ERROR_INSUFFICIENT_POWER"), Map.entry(9, "NVML_ERROR_DRIVER_NOT_LOADED"),
            Map.entry(10, "NVML_ERROR_TIMEOUT"), Map.entry(11, "NVML_ERROR_IRQ_ISSUE"),
            Map.entry(12, "NVML_ERROR_LIBRARY_NOT_FOUND"), Map.entry(13, "NVML_ERROR_FUNCTION_NOT_FOUND"),
            Map.entry(14, "NVML_ERROR_CORRUPTED_INFOROM"), Map.entry(15, "NVML_ERROR_GPU_IS_LOST"),
            Map.entry(16, "NVML_ERROR_RESET_REQUIRED"), Map.entry(17, "NVML_ERROR_OPERATING_SYSTEM"),
            Map.entry(18, "NVML_ERROR_LIB_RM_VERSION_MISMATCH"), Map.entry(19, "NVML_ERROR_IN_USE"),
            Map.entry(20, "NVML_ERROR_MEMORY"), Map.entry(21, "NVML_ERROR_NO_DATA"),
            Map.entry(22, "NVML_ERROR_VGPU_ECC_NOT_ENABLED"), Map.entry(23, "NVML_ERROR_INSUFFICIENT_RESOURCES"),
            Map.entry(24, "NVML_ERROR_FREQ_NOT_SUPPORTED"), Map.entry(25, "NVML_ERROR_ARGUMENT_VERSION_MISMATCH"),
            Map.entry(26, "NVML_ERROR_DEPRECATED"), Map.entry(27, "NVML_ERROR_NOT_READY"),
            Map.entry(28, "NVML_ERROR_GPU_NOT_FOUND"), Map.entry(29, "NVML_ERROR_INVALID_STATE"),
            Map.entry(999, "NVML_ERROR_UNKNOWN"));

    private NvmlReturn() {
    }

    /** The constant's name, e.g. {@code "NVML_ERROR_DRIVER_NOT_LOADED"}, or {@code "nvmlReturn_t 42"}. */
    static String name(int code) {
        return NAMES.getOrDefault(code, "nvmlReturn_t " + code);
    }

    /** The reason a failed call gives the fact. */
    static Reason reason(int code) {
        return switch (code) {
            case DRIVER_NOT_LOADED -> Reason.DRIVER_NOT_LOADED;
            case NO_PERMISSION -> Reason.PERMISSION_DENIED;
            case LIB_RM_VERSION_MISMATCH -> Reason.LIBRARY_VERSION_MISMATCH;
            case LIBRARY_NOT_FOUND, FUNCTION_NOT_FOUND -> Reason.NOT_FOUND;
            case TIMEOUT -> Reason.TIMED_OUT;
            default -> Reason.COMMAND_FAILED;
        };
    }

    /** The miss for {@code call} returning {@code code}, with NVML's own message ({@code nvmlErrorString}). */
    static ProbeMiss miss(String call, int code, String message) {
        return new ProbeMiss(reason(code), describe(call, code, message));
    }

    /** {@code "nvmlInit_v2: Driver Not Loaded (NVML_ERROR_DRIVER_NOT_LOADED)"}. */
    static String describe(String call, int code, String message) {
        String text = message == null || message.isBlank() ? "" : message.strip() + " ";
        return call + ": " + text + "(" + name(code) + ")";
    }
}
