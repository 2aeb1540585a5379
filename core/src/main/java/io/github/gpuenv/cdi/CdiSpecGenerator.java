package io.github.gpuenv.cdi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the driver files as a CDI spec: one device per GPU index ({@code "0"}) and per UUID ({@code "GPU-…"}),
 * each with its {@code /dev/nvidiaN}; a device {@code "all"}; and spec-wide edits with the control nodes, the
 * read-only driver mounts and their environment. No hooks: gpuenv does not ship {@code nvidia-cdi-hook}, so soname
 * links are mounted as files and binaries land in {@code /usr/bin} (see {@link LinuxDriverScanner}). On WSL2 the
 * spec has the single device {@code "all"} with {@code /dev/dxg}, as NVIDIA's WSL spec does.
 */
final class CdiSpecGenerator {

    /** The kind NVIDIA's own specs use; {@code nvidia.com/gpu=all} selects every GPU. */
    public static final String NVIDIA_KIND = "nvidia.com/gpu";

    static final List<String> READ_ONLY_OPTIONS = List.of("ro", "nosuid", "nodev", "bind");
    static final List<String> READ_WRITE_OPTIONS = List.of("nosuid", "nodev", "bind");

    // CDI's qualifier rules (pkg/parser): vendor and class names, then device names
    private static final Pattern KIND = Pattern.compile(
            "[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?/[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CdiSpecGenerator() {
    }

    /** The spec for {@code files} under {@code kind} (e.g. {@link #NVIDIA_KIND}). */
    public static CdiSpec spec(NvidiaDriverFiles files, String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("invalid CDI kind \"" + kind + "\": expected vendor/class, e.g. "
                    + NVIDIA_KIND);
        }
        List<CdiSpec.DeviceNode> control = files.controlNodes().stream().map(CdiSpecGenerator::node).toList();
        List<CdiSpec.Device> devices = new ArrayList<>();
        Set<CdiSpec.DeviceNode> allNodes = new LinkedHashSet<>();
        if (!files.wsl()) {
            for (GpuNode gpu : files.gpus()) {
                List<CdiSpec.DeviceNode> nodes = gpu.nodes().stream().map(CdiSpecGenerator::node).toList();
                allNodes.addAll(nodes);
                devices.add(device(Integer.toString(gpu.index()), nodes));
                if (!gpu.uuid().isEmpty()) {
                    devices.add(device(gpu.uuid(), nodes));
                }
            }
        }
        // a CDI device must bring some edit: without per-GPU nodes (WSL2's /dev/dxg), "all" carries the control nodes
        boolean controlInAll = allNodes.isEmpty();
        if (controlInAll) {
            allNodes.addAll(control);
        }
        devices.add(device("all", new ArrayList<>(allNodes)));

        List<String> env = new ArrayList<>();
        new TreeMap<>(files.environment()).forEach((k, v) -> env.add(k + "=" + v));
        List<CdiSpec.Mount> mounts = files.mounts().stream()
                .map(m -> new CdiSpec.Mount(m.hostPath(), m.containerPath(), null,
                        m.readOnly() ? READ_ONLY_OPTIONS : READ_WRITE_OPTIONS))
                .toList();
        CdiSpec.ContainerEdits common = new CdiSpec.ContainerEdits(env, controlInAll ? List.of() : control, mounts);
        CdiSpec draft = new CdiSpec("0.3.0", kind, Map.of(), devices, common);
        return new CdiSpec(CdiSpecVersion.minimumFor(draft), kind, Map.of(), devices, common);
    }

    /** The spec as indented JSON with a final newline. */
    public static String json(CdiSpec spec) {
        try {
            return JSON.writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CDI spec not serialisable", e);
        }
    }

    private static CdiSpec.Device device(String name, List<CdiSpec.DeviceNode> nodes) {
        return new CdiSpec.Device(name, Map.of(), new CdiSpec.ContainerEdits(List.of(), nodes, List.of()));
    }

    private static CdiSpec.DeviceNode node(io.github.gpuenv.cdi.DeviceNode n) {
        String host = n.hostPath().equals(n.containerPath()) ? null : n.hostPath();
        return new CdiSpec.DeviceNode(n.containerPath(), host, n.permissions());
    }
}
