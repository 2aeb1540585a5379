package io.github.gpuenv.internal.procfs;

import io.github.gpuenv.internal.AsciiCase;
import java.util.Optional;

/**
 * Parses {@code /proc/driver/nvidia/gpus/<bus>/information}: {@code Key: <tabs/spaces> value} lines
 * ({@code Model}, {@code GPU UUID}, {@code Bus Location}, {@code Device Minor}, {@code GPU Excluded}, …).
 *
 * <p>{@code ProcGpuInformationParser.parse(text).map(ProcGpuInformation::uuid)}
 */
public final class ProcGpuInformationParser {

    private ProcGpuInformationParser() {
    }

    /** The parsed file, or empty when none of Model, GPU UUID and Bus Location is there. */
    public static Optional<ProcGpuInformation> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String model = null;
        String uuid = null;
        String bus = null;
        Integer minor = null;
        boolean excluded = false;
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "Model" -> model = value;
                case "GPU UUID" -> uuid = value;
                case "Bus Location" -> bus = value;
                case "Device Minor" -> minor = parseInt(value);
                case "GPU Excluded" -> excluded = AsciiCase.lower(value).startsWith("yes");
                default -> {
                    // other keys (IRQ, Video BIOS, DMA …) are not part of the fact
                }
            }
        }
        if (model == null && uuid == null && bus == null) {
            return Optional.empty();
        }
        return Optional.of(new ProcGpuInformation(model, uuid, bus, minor, excluded));
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
