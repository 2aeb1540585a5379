package io.github.gpuenv.cdi;

import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.InjectionPlan;
import io.github.gpuenv.cdi.NoSuchGpuException;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the driver files and a GPU selection (indices, UUIDs, {@code "all"}) into an {@link InjectionPlan}. */
final class InjectionPlanner {

    private InjectionPlanner() {
    }

    /**
     * @param files what the scan found
     * @param gpuIds indices ({@code "0"}) or UUIDs ({@code "GPU-…"}); empty or {@code "all"} selects every GPU
     * @throws NoSuchGpuException when an id matches no GPU
     */
    public static InjectionPlan plan(NvidiaDriverFiles files, List<String> gpuIds) {
        Set<GpuNode> selected = new LinkedHashSet<>(select(files, gpuIds));
        Set<DeviceNode> nodes = new LinkedHashSet<>(files.controlNodes());
        selected.forEach(g -> nodes.addAll(g.nodes()));
        return new InjectionPlan(new ArrayList<>(nodes), files.mounts(), files.environment());
    }

    /** The GPUs a selection names, in selection order; every GPU for an empty selection or {@code "all"}. */
    static List<GpuNode> select(NvidiaDriverFiles files, List<String> gpuIds) {
        List<String> ids = gpuIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase("all"))) {
            return files.gpus();
        }
        if (files.wsl() && files.gpus().isEmpty()) {
            // WSL2 without a GPU list: /dev/dxg is every GPU, so any selection gets the same edits
            return List.of();
        }
        List<GpuNode> out = new ArrayList<>();
        for (String id : ids) {
            out.add(files.gpus().stream().filter(g -> matches(g, id)).findFirst()
                    .orElseThrow(() -> new NoSuchGpuException("select GPUs " + ids, id, availableIds(files))));
        }
        return out;
    }

    private static boolean matches(GpuNode gpu, String id) {
        return id.equals(Integer.toString(gpu.index()))
                || (!gpu.uuid().isEmpty() && gpu.uuid().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT)));
    }

    /** Every id that selects a GPU: its index, then its UUID when known. */
    static List<String> availableIds(NvidiaDriverFiles files) {
        List<String> ids = new ArrayList<>();
        for (GpuNode g : files.gpus()) {
            ids.add(Integer.toString(g.index()));
            if (!g.uuid().isEmpty()) {
                ids.add(g.uuid());
            }
        }
        return ids;
    }
}
