package io.github.gpuenv.internal.probe;

import io.github.gpuenv.spi.Probe;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The probe ids {@code skipProbe} / {@code --skip} / {@code GPUENV_SKIP} accept, from the chains themselves: each
 * probe's id ({@code nvml}: that probe in every fact) and each {@code fact.probe} ({@code nvidia.procfs}: only there).
 *
 * <p>{@code ProbeIds.of(FactChains.all(loader)).contains("nvidia.procfs")}
 */
public final class ProbeIds {

    private ProbeIds() {
    }

    /** Every accepted id of {@code chains}, sorted. */
    public static SortedSet<String> of(List<FactChain<?>> chains) {
        SortedSet<String> ids = new TreeSet<>();
        for (FactChain<?> chain : chains) {
            for (Probe<?> probe : chain.probes()) {
                ids.add(probe.id());
                ids.add(chain.fact() + "." + probe.id());
            }
        }
        return ids;
    }

    /** The plain ids among {@code ids}, comma-separated, with the {@code fact.probe} form named once. */
    public static String describe(Collection<String> ids) {
        List<String> plain = ids.stream().filter(id -> !id.contains(".")).sorted().toList();
        return String.join(", ", plain) + " (or FACT.PROBE, e.g. nvidia.procfs)";
    }
}
