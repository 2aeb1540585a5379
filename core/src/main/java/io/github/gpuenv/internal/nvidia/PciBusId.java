package io.github.gpuenv.internal.nvidia;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI address {@code domain:bus:device.function} in hex, as NVML and nvidia-smi print it
 * ({@code 00000000:00:06.0}) or as {@code /proc/driver/nvidia} names it ({@code 0000:00:06.0}). Used to order GPUs
 * the way {@code nvidia-smi} numbers them (by PCI bus id).
 *
 * <p>{@code PciBusId.parse("0000:00:06.0").map(PciBusId::bus) // 0}
 */
record PciBusId(long domain, int bus, int device, int function) implements Comparable<PciBusId> {

    private static final Pattern FORM = Pattern.compile(
            "(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");
    private static final Comparator<PciBusId> ORDER = Comparator.comparingLong(PciBusId::domain)
            .thenComparingInt(PciBusId::bus).thenComparingInt(PciBusId::device).thenComparingInt(PciBusId::function);

    /** The address, or empty when {@code text} is not one. A missing domain is 0. */
    static Optional<PciBusId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long domain = m.group(1) == null ? 0 : Long.parseLong(m.group(1), 16);
        return Optional.of(new PciBusId(domain, Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16),
                Integer.parseInt(m.group(4))));
    }

    @Override
    public int compareTo(PciBusId other) {
        return ORDER.compare(this, other);
    }
}
