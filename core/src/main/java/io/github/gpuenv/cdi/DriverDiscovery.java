package io.github.gpuenv.cdi;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the WSL2 or native scan for a root and, when detection already knows the GPUs (NVML's indices and
 * UUIDs), aligns the scan's GPUs with them by PCI bus id.
 */
final class DriverDiscovery {

    private DriverDiscovery() {
    }

    /** The driver files seen through {@code options.files()}; throws the typed exceptions of the scanners. */
    public static NvidiaDriverFiles discover(DetectOptions options, Optional<NvidiaDriver> known) {
        return LoaderPlacement.place(scan(options, known),
                LoaderPlacement.containerLoaderDirs(System.getProperty("os.arch")));
    }

    private static NvidiaDriverFiles scan(DetectOptions options, Optional<NvidiaDriver> known) {
        HostPaths paths = new HostPaths(options.files());
        List<GpuDevice> knownGpus = known.map(NvidiaDriver::gpus).orElse(List.of());
        WslDriverScanner wsl = new WslDriverScanner(paths);
        if (wsl.applies()) {
            return wsl.scan(knownGpus, known.map(NvidiaDriver::driverVersion).orElse(""));
        }
        var env = options.environment();
        NvidiaDriverFiles files = new LinuxDriverScanner(paths, env.variable("LD_LIBRARY_PATH").orElse(""),
                env.variable("PATH").orElse("")).scan();
        return knownGpus.isEmpty() ? files : align(files, knownGpus);
    }

    /** The scanned GPUs renumbered and named as {@code known} has them; a GPU known but without a node is dropped. */
    static NvidiaDriverFiles align(NvidiaDriverFiles files, List<GpuDevice> known) {
        List<GpuNode> aligned = new ArrayList<>();
        for (GpuDevice d : known) {
            String bus = BusIds.normalize(d.pciBusId());
            Optional<GpuNode> node = bus.isEmpty()
                    ? files.gpus().stream().filter(g -> g.index() == d.index()).findFirst()
                    : files.gpus().stream().filter(g -> BusIds.normalize(g.busLocation()).equals(bus)).findFirst()
                            .or(() -> files.gpus().stream().filter(g -> g.busLocation().isEmpty() && g.index() == d.index()).findFirst());
            node.ifPresent(g -> aligned.add(new GpuNode(d.index(),
                    d.uuid() == null || d.uuid().isEmpty() ? g.uuid() : d.uuid(), g.busLocation(), g.nodes())));
        }
        return new NvidiaDriverFiles(files.wsl(), files.driverVersion(), files.controlNodes(), aligned,
                files.mounts(), files.environment());
    }
}
