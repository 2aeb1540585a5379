package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.internal.AsciiCase;
import io.github.gpuenv.report.Reason;

/**
 * Classifies a failed {@code nvidia-smi} run (non-zero exit) by the stable tokens of its message, which it prints to
 * stdout or stderr, then by its exit code (nvidia-smi(1): 4 no permission, 6 query unsuccessful / no devices,
 * 9 driver not loaded, 12 NVML library not found, 15 GPU fallen off the bus, 255 other).
 *
 * <p>{@code NvidiaSmiErrorParser.classify(9, output).reason() // DRIVER_NOT_LOADED}
 */
final class NvidiaSmiErrorParser {

    /** The detail for diagnosis D5: WSL refuses the GPU. */
    static final String BLOCKED_DETAIL = "nvidia-smi: GPU access blocked by the operating system (WSL cannot use this"
            + " GPU: it is in TCC mode, which WSL does not support, or a Linux NVIDIA driver installed inside WSL"
            + " shadows /usr/lib/wsl/lib)";

    private NvidiaSmiErrorParser() {
    }

    /** Whether nvidia-smi said it found no GPU ("No devices were found"): the driver answered, with none. */
    static boolean noDevices(String output) {
        return output != null && output.contains("No devices were found");
    }

    /** Whether nvidia-smi rejected a queried field (an older driver): retry with {@link NvidiaSmiCsvParser#LEGACY_FIELDS}. */
    static boolean invalidField(String output) {
        return output != null && output.contains("is not a valid field to query");
    }

    /** The reason and detail for a run that exited with {@code exitCode} printing {@code output}. */
    static ProbeMiss classify(int exitCode, String output) {
        String text = output == null ? "" : output;
        String lower = AsciiCase.lower(text);
        String said = "nvidia-smi exit " + exitCode + ": " + firstLine(text);
        if (lower.contains("gpu access blocked by the operating system")) {
            return new ProbeMiss(Reason.PERMISSION_DENIED, BLOCKED_DETAIL);
        }
        if (lower.contains("driver/library version mismatch")) {
            return new ProbeMiss(Reason.LIBRARY_VERSION_MISMATCH, said);
        }
        if (lower.contains("couldn't communicate with the nvidia driver") || lower.contains("driver not loaded")) {
            return new ProbeMiss(Reason.DRIVER_NOT_LOADED, said);
        }
        if (lower.contains("insufficient permissions") || lower.contains("no permission")) {
            return new ProbeMiss(Reason.PERMISSION_DENIED, said);
        }
        return switch (exitCode) {
            case 4 -> new ProbeMiss(Reason.PERMISSION_DENIED, said);
            case 9 -> new ProbeMiss(Reason.DRIVER_NOT_LOADED, said);
            case 12 -> new ProbeMiss(Reason.NOT_FOUND, said);
            default -> new ProbeMiss(Reason.COMMAND_FAILED, said);
        };
    }

    /** The first non-blank line, printable characters only, at most 200 of them. */
    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String clean = line.replaceAll("[\\p{Cntrl}&&[^\t]]", "?").strip();
            if (!clean.isEmpty()) {
                return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
            }
        }
        return "(no output)";
    }
}
