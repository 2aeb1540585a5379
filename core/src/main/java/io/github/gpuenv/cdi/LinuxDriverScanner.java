package io.github.gpuenv.cdi;

import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.DriverVersionMismatchException;
import io.github.gpuenv.cdi.Mount;
import io.github.gpuenv.cdi.NvidiaDriverNotInstalledException;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import io.github.gpuenv.internal.procfs.ProcDriverVersionParser;
import io.github.gpuenv.internal.procfs.ProcGpuInformationParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a native Linux NVIDIA driver's files: the version from {@code /proc/driver/nvidia/version} (else from
 * {@code libcuda.so.1}'s target), device nodes, the versioned libraries and their soname links in the
 * {@code LD_LIBRARY_PATH} directories then the usual library directories, binaries, and GSP firmware.
 */
final class LinuxDriverScanner {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxDriverScanner.class);
    static final String ATTEMPTED = "find the NVIDIA driver files";
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
    private static final Pattern GPU_NODE = Pattern.compile("nvidia(\\d{1,6})");

    private final HostPaths paths;
    private final List<String> libraryPath;
    private final List<String> binaryPath;

    /**
     * @param paths the host's files
     * @param ldLibraryPath the host's {@code LD_LIBRARY_PATH} (may be empty)
     * @param path the host's {@code PATH} (may be empty)
     */
    LinuxDriverScanner(HostPaths paths, String ldLibraryPath, String path) {
        this.paths = paths;
        this.libraryPath = directories(ldLibraryPath, DriverFileNames.LIBRARY_DIRS);
        this.binaryPath = directories(path, DriverFileNames.BINARY_DIRS);
    }

    NvidiaDriverFiles scan() {
        Optional<String> moduleVersion = paths.files().readString("/proc/driver/nvidia/version")
                .flatMap(ProcDriverVersionParser::parse);
        Optional<Located> soname = locate("libcuda.so.1");
        Optional<String> sonameVersion = soname.flatMap(l -> versionOf("libcuda.so.", l.real()));
        if (moduleVersion.isPresent() && sonameVersion.isPresent() && !moduleVersion.get().equals(sonameVersion.get())) {
            throw new DriverVersionMismatchException(ATTEMPTED, moduleVersion.get(), sonameVersion.get(), soname.get().dir());
        }
        String version = moduleVersion.or(() -> sonameVersion).or(this::anyLibcudaVersion).orElseThrow(this::notInstalled);
        LOG.debug("NVIDIA driver version {} (kernel module: {})", version, moduleVersion.orElse("not loaded"));

        List<Mount> mounts = new ArrayList<>();
        Set<String> libDirs = new LinkedHashSet<>();
        for (String library : DriverFileNames.LIBRARIES) {
            librariesMounts(library, version, libDirs, mounts);
        }
        if (libDirs.isEmpty()) {
            throw missingLibcuda(version);
        }
        String libcudaDir = libDirs.iterator().next();
        Optional<String> driverRoot = driverRoot(libcudaDir);
        binaryMounts(driverRoot, mounts);
        firmwareMounts(version, driverRoot, mounts);

        List<DeviceNode> control = new ArrayList<>();
        for (String node : DriverFileNames.CONTROL_NODES) {
            deviceNode(node).ifPresent(control::add);
        }
        if (control.stream().noneMatch(n -> n.containerPath().equals("/dev/nvidiactl"))) {
            throw new NvidiaDriverNotInstalledException(ATTEMPTED,
                    "NVIDIA driver " + version + " libraries are installed but /dev/nvidiactl is missing (the kernel "
                            + "module is not loaded, or its device nodes were never created)",
                    "load the driver and create its nodes: run `sudo nvidia-smi` once (or `sudo nvidia-modprobe -c 0 -u`)"
                            + "; if that fails, reinstall the NVIDIA driver and reboot");
        }
        List<GpuNode> gpus = gpus();
        // no LD_LIBRARY_PATH: LoaderPlacement puts the libraries where the image's loader looks
        return new NvidiaDriverFiles(false, version, control, gpus, mounts, Map.of());
    }

    // ---- libraries

    private record Located(String dir, String name, Path real) {
    }

    /** The first directory of the library path holding {@code name}, with the file it resolves to. */
    private Optional<Located> locate(String name) {
        for (String dir : libraryPath) {
            Optional<Path> real = paths.real(HostPaths.join(dir, name));
            if (real.isPresent() && java.nio.file.Files.isRegularFile(real.get())) {
                return Optional.of(new Located(dir, name, real.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> versionOf(String prefix, Path real) {
        String file = real.getFileName().toString();
        if (!file.startsWith(prefix)) {
            return Optional.empty();
        }
        String v = file.substring(prefix.length());
        return VERSION.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    private Optional<String> anyLibcudaVersion() {
        for (String dir : libraryPath) {
            for (String name : paths.matching(dir, "libcuda.so.*")) {
                String v = name.substring("libcuda.so.".length());
                if (VERSION.matcher(v).matches() && v.indexOf('.') > 0 && paths.isFile(HostPaths.join(dir, name))) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private void librariesMounts(String library, String version, Set<String> libDirs, List<Mount> mounts) {
        String versioned = library + ".so." + version;
        Optional<Located> found = locate(versioned);
        if (found.isEmpty()) {
            LOG.debug("no {} in {}", versioned, libraryPath);
            return;
        }
        Located lib = found.get();
        libDirs.add(lib.dir());
        String host = lib.real().toString();
        mounts.add(Mount.readOnly(host, HostPaths.join(lib.dir(), versioned)));
        // soname and development links (libcuda.so.1, libcuda.so): no ldconfig hook runs in the container, so each
        // link the host has is bind-mounted as the file it points to
        for (String name : paths.matching(lib.dir(), library + ".so*")) {
            String machine = HostPaths.join(lib.dir(), name);
            if (!name.equals(versioned) && paths.isLink(machine) && paths.real(machine).equals(Optional.of(lib.real()))) {
                mounts.add(Mount.readOnly(host, machine));
            }
        }
    }

    private RuntimeException missingLibcuda(String version) {
        Optional<String> other = anyLibcudaVersion();
        if (other.isPresent() && !other.get().equals(version)) {
            return new DriverVersionMismatchException(ATTEMPTED, version, other.get(), String.join(":", libraryPath));
        }
        return new NvidiaDriverNotInstalledException(ATTEMPTED,
                "the NVIDIA kernel module " + version + " is loaded but libcuda.so." + version + " is in none of "
                        + String.join(", ", libraryPath),
                "install the user-space driver of the same version (e.g. `sudo apt install nvidia-driver-"
                        + version.split("\\.")[0] + "`), or add its directory to LD_LIBRARY_PATH");
    }

    private NvidiaDriverNotInstalledException notInstalled() {
        return new NvidiaDriverNotInstalledException(ATTEMPTED,
                "the NVIDIA driver is not installed on this host: no /proc/driver/nvidia/version and no libcuda.so in "
                        + String.join(", ", libraryPath),
                "install the NVIDIA driver (https://www.nvidia.com/Download/index.aspx, or `sudo ubuntu-drivers install`)"
                        + " and reboot; on WSL2 install the Windows NVIDIA driver instead");
    }

    // ---- binaries and firmware

    /** {@code /usr/local/nvidia} for {@code /usr/local/nvidia/lib64}; empty for system directories. */
    private static Optional<String> driverRoot(String libDir) {
        int slash = libDir.lastIndexOf('/');
        String last = libDir.substring(slash + 1);
        String parent = slash <= 0 ? "/" : libDir.substring(0, slash);
        if ((last.equals("lib64") || last.equals("lib")) && !parent.equals("/") && !parent.equals("/usr")) {
            return Optional.of(parent);
        }
        return Optional.empty();
    }

    private void binaryMounts(Optional<String> driverRoot, List<Mount> mounts) {
        List<String> dirs = new ArrayList<>(binaryPath);
        driverRoot.map(r -> r + "/bin").filter(d -> !dirs.contains(d)).ifPresent(dirs::add);
        for (String binary : DriverFileNames.BINARIES) {
            dirs.stream().map(d -> HostPaths.join(d, binary)).filter(paths::isFile).findFirst()
                    .flatMap(paths::real)
                    // at /usr/bin, which is on PATH in every image; the host's directory often is not
                    .ifPresent(real -> mounts.add(Mount.readOnly(real.toString(), "/usr/bin/" + binary)));
        }
    }

    private void firmwareMounts(String version, Optional<String> driverRoot, List<Mount> mounts) {
        List<String> roots = new ArrayList<>(DriverFileNames.FIRMWARE_DIRS);
        driverRoot.map(r -> r + "/firmware").ifPresent(roots::add);
        Set<Path> seen = new LinkedHashSet<>();
        for (String root : roots) {
            String dir = root + "/nvidia/" + version;
            for (String name : paths.matching(dir, "gsp*.bin")) {
                String machine = HostPaths.join(dir, name);
                paths.real(machine).filter(java.nio.file.Files::isRegularFile).filter(seen::add)
                        .ifPresent(real -> mounts.add(Mount.readOnly(real.toString(), machine)));
            }
        }
    }

    // ---- device nodes

    /** A node at its machine path, backed by the real host node (links followed); empty when missing or dangling. */
    private Optional<DeviceNode> deviceNode(String machinePath) {
        Optional<DeviceNode> node = paths.real(machinePath).map(real -> DeviceNode.of(real.toString(), machinePath));
        if (node.isEmpty() && paths.exists(machinePath)) {
            LOG.debug("{} is a dangling link; skipped", machinePath);
        }
        return node;
    }

    /** A GPU as procfs (or, without procfs, its device node) names it. */
    private record ProcGpu(String uuid, String busLocation, int deviceMinor) {
    }

    private List<GpuNode> gpus() {
        List<ProcGpu> proc = new ArrayList<>();
        for (String bus : paths.files().list("/proc/driver/nvidia/gpus")) {
            paths.files().readString("/proc/driver/nvidia/gpus/" + bus + "/information")
                    .flatMap(ProcGpuInformationParser::parse)
                    .filter(g -> g.deviceMinor() != null && g.deviceMinor() >= 0)
                    .map(g -> new ProcGpu(g.uuid() == null ? "" : g.uuid(),
                            g.busLocation() == null || g.busLocation().isEmpty() ? bus : g.busLocation(), g.deviceMinor()))
                    .ifPresent(proc::add);
        }
        if (proc.isEmpty()) {
            // no procfs (a container, a fixture): every /dev/nvidiaN, in minor order
            paths.matching("/dev", "nvidia[0-9]*").stream()
                    .map(GPU_NODE::matcher).filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted()
                    .forEach(minor -> proc.add(new ProcGpu("", "", minor)));
        }
        proc.sort(Comparator.comparing((ProcGpu g) -> BusIds.normalize(g.busLocation()))
                .thenComparingInt(ProcGpu::deviceMinor));
        List<GpuNode> gpus = new ArrayList<>();
        for (ProcGpu g : proc) {
            Optional<DeviceNode> node = deviceNode("/dev/nvidia" + g.deviceMinor());
            if (node.isEmpty()) {
                LOG.debug("GPU {} ({}) has no /dev/nvidia{}; skipped", g.uuid(), g.busLocation(), g.deviceMinor());
                continue;
            }
            gpus.add(new GpuNode(gpus.size(), g.uuid(), g.busLocation(), List.of(node.get())));
        }
        return gpus;
    }

    // ---- search paths

    /** Absolute entries of a colon-separated path, then the defaults; duplicates dropped, order kept. */
    private static List<String> directories(String colonPath, List<String> defaults) {
        Set<String> dirs = new LinkedHashSet<>();
        if (colonPath != null) {
            for (String entry : colonPath.split(":")) {
                String d = entry.strip();
                while (d.length() > 1 && d.endsWith("/")) {
                    d = d.substring(0, d.length() - 1);
                }
                if (d.startsWith("/") && dirs.size() < 64) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(defaults);
        return List.copyOf(dirs);
    }
}
