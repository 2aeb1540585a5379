package io.github.gpuenv.cdi.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses {@code /proc/driver/nvidia/gpus/<bus>/information} ({@code Key: \t value} lines): the GPU's UUID, bus
 * location and device minor (the {@code N} of {@code /dev/nvidiaN}). Pure; never throws: a field the text lacks is
 * empty, and text without a device minor gives an empty result.
 */
public final class ProcGpuInformationParser {

    private static final int MAX_CHARS = 64 * 1024;

    /**
     * One GPU as procfs describes it.
     *
     * @param uuid e.g. {@code "GPU-1b122d05-…"}; empty when the file lacks it
     * @param busLocation e.g. {@code "0000:00:06.0"}; empty when the file lacks it
     * @param deviceMinor the minor number of its {@code /dev/nvidiaN} node
     */
    public record ProcGpu(String uuid, String busLocation, int deviceMinor) {
    }

    private ProcGpuInformationParser() {
    }

    /** The GPU described by {@code text}, or empty when it has no valid {@code Device Minor:} line. */
    public static Optional<ProcGpu> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String uuid = "";
        String bus = "";
        OptionalInt minor = OptionalInt.empty();
        String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        for (String line : bounded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "GPU UUID" -> uuid = value;
                case "Bus Location" -> bus = value;
                case "Device Minor" -> minor = parseMinor(value);
                default -> { }
            }
        }
        if (minor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcGpu(uuid, bus, minor.getAsInt()));
    }

    private static OptionalInt parseMinor(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value));
    }
}
