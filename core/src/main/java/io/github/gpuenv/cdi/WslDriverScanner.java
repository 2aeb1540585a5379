package io.github.gpuenv.cdi;

import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.Mount;
import io.github.gpuenv.cdi.NvidiaDriverNotInstalledException;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds WSL2's GPU files: {@code /dev/dxg} (every GPU, paravirtualised), the Windows driver's libraries mapped
 * into {@code /usr/lib/wsl/lib}, and the driver store {@code /usr/lib/wsl/drivers/nv*.inf_amd64_*} that
 * {@code libcuda} loads the rest from. The same set NVIDIA's WSL CDI spec uses, without its symlink hook.
 */
final class WslDriverScanner {

    private final HostPaths paths;

    WslDriverScanner(HostPaths paths) {
        this.paths = paths;
    }

    /** Whether the host is WSL2 with GPU paravirtualisation: {@code /dev/dxg} and {@code libdxcore.so}. */
    boolean applies() {
        return paths.exists(DriverFileNames.WSL_DEVICE)
                && paths.isFile(HostPaths.join(DriverFileNames.WSL_LIB_DIR, "libdxcore.so"));
    }

    /**
     * @param gpus the GPUs NVML or nvidia-smi reported (WSL2 has no procfs for them); may be empty
     * @param driverVersion the Windows driver's version when known, else empty
     */
    NvidiaDriverFiles scan(List<GpuDevice> gpus, String driverVersion) {
        DeviceNode dxg = paths.real(DriverFileNames.WSL_DEVICE)
                .map(real -> DeviceNode.of(real.toString(), DriverFileNames.WSL_DEVICE))
                .orElseThrow(() -> new NvidiaDriverNotInstalledException(LinuxDriverScanner.ATTEMPTED,
                        "/dev/dxg is a dangling link", "restart WSL (`wsl --shutdown` in Windows)"));
        String lib = DriverFileNames.WSL_LIB_DIR;
        List<Mount> mounts = new ArrayList<>();
        for (String glob : DriverFileNames.WSL_LIBRARY_GLOBS) {
            for (String name : paths.matching(lib, glob)) {
                String machine = HostPaths.join(lib, name);
                fileOf(machine).ifPresent(real -> {
                    mounts.add(Mount.readOnly(real.toString(), machine));
                });
            }
        }
        if (mounts.stream().noneMatch(m -> m.containerPath().startsWith(lib + "/libcuda.so"))) {
            throw new NvidiaDriverNotInstalledException(LinuxDriverScanner.ATTEMPTED,
                    "WSL2 GPU support is present (/dev/dxg) but " + lib + " has no libcuda.so: the NVIDIA Windows "
                            + "driver is not installed",
                    "install the NVIDIA driver for Windows (https://www.nvidia.com/Download/index.aspx), then run "
                            + "`wsl --shutdown` and reopen the distribution; do not install a Linux driver inside WSL");
        }
        List<String> stores = paths.matching(DriverFileNames.WSL_DRIVERS_DIR, "nv*.inf_amd64_*");
        for (String store : stores) {
            String machine = HostPaths.join(DriverFileNames.WSL_DRIVERS_DIR, store);
            paths.real(machine).filter(Files::isDirectory)
                    .ifPresent(real -> mounts.add(Mount.readOnly(real.toString(), machine)));
        }
        // nvidia-smi at /usr/bin, as NVIDIA's WSL spec links it: on PATH in every image
        Optional<Path> smi = fileOf(HostPaths.join(lib, "nvidia-smi"));
        for (String store : stores) {
            if (smi.isPresent()) {
                break;
            }
            smi = fileOf(HostPaths.join(HostPaths.join(DriverFileNames.WSL_DRIVERS_DIR, store), "nvidia-smi"));
        }
        smi.ifPresent(real -> mounts.add(Mount.readOnly(real.toString(), "/usr/bin/nvidia-smi")));

        List<GpuNode> nodes = new ArrayList<>();
        for (GpuDevice g : gpus) {
            nodes.add(new GpuNode(g.index(), g.uuid(), g.pciBusId(), List.of()));
        }
        return new NvidiaDriverFiles(true, driverVersion, List.of(dxg), nodes, mounts, Map.of());
    }

    private Optional<Path> fileOf(String machinePath) {
        return paths.real(machinePath).filter(Files::isRegularFile);
    }
}
