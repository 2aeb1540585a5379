package io.github.gpuenv.cdi;

import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.Mount;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a driver scan found on the host, already in container terms: device nodes with their real host paths,
 * read-only mounts with their container paths, and the environment those mounts need.
 *
 * @param wsl whether this is WSL2's paravirtualised GPU ({@code /dev/dxg}) rather than a native driver
 * @param driverVersion e.g. {@code "580.159.04"}; empty when not known (WSL without NVML)
 * @param controlNodes nodes every GPU container needs ({@code /dev/nvidiactl}, {@code /dev/nvidia-uvm}, … or
 *                     {@code /dev/dxg})
 * @param gpus the GPUs, by index
 * @param mounts libraries, binaries and firmware, read-only
 * @param environment variables the mounts need (e.g. {@code LD_LIBRARY_PATH})
 */
record NvidiaDriverFiles(boolean wsl, String driverVersion, List<DeviceNode> controlNodes, List<GpuNode> gpus,
                                List<Mount> mounts, Map<String, String> environment) {

    public NvidiaDriverFiles {
        driverVersion = Objects.requireNonNullElse(driverVersion, "");
        controlNodes = List.copyOf(controlNodes);
        gpus = List.copyOf(gpus);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
    }

    /**
     * One GPU and the device nodes that are it.
     *
     * @param index the driver's index (PCI bus order, as {@code nvidia-smi} numbers them)
     * @param uuid e.g. {@code "GPU-1b122d05-…"}; empty when not known
     * @param busLocation e.g. {@code "0000:00:06.0"}; empty when not known
     * @param nodes its device nodes ({@code /dev/nvidia<minor>}); empty on WSL2, where {@code /dev/dxg} is every GPU
     */
    public record GpuNode(int index, String uuid, String busLocation, List<DeviceNode> nodes) {
        public GpuNode {
            uuid = Objects.requireNonNullElse(uuid, "");
            busLocation = Objects.requireNonNullElse(busLocation, "");
            nodes = List.copyOf(nodes);
        }
    }
}
