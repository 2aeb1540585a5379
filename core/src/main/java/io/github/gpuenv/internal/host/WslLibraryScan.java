package io.github.gpuenv.internal.host;

import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /usr/lib/wsl/lib} offers and whether Linux copies of the driver libraries shadow it (diagnosis
 * D5/D16: a Linux {@code libnvidia-ml}/{@code libcuda} found first breaks NVML and CUDA inside WSL).
 *
 * <p>Shadowing is seen two ways: in {@code ldconfig -p}, the first entry of {@code libcuda.so.1} or
 * {@code libnvidia-ml.so.1} (of the same ABI as the WSL copy) is not under {@code /usr/lib/wsl/lib}; and such a
 * file exists in {@code /usr/lib/x86_64-linux-gnu}, {@code /lib/x86_64-linux-gnu} or {@code /usr/lib64}.
 *
 * @param wslLibraries the names found in {@code /usr/lib/wsl/lib} that gpuenv looks for
 * @param shadowingLibraries paths of Linux copies that shadow them, in the order found
 * @param ldconfigRead whether {@code ldconfig -p} ran and could be read
 */
record WslLibraryScan(List<String> wslLibraries, List<String> shadowingLibraries, boolean ldconfigRead) {

    static final String WSL_LIB = "/usr/lib/wsl/lib";
    static final String LIBDXCORE = WSL_LIB + "/libdxcore.so";
    static final List<String> DRIVER_SONAMES = List.of("libcuda.so.1", "libnvidia-ml.so.1");
    static final List<String> LINUX_LIBRARY_DIRS =
            List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64");

    WslLibraryScan {
        wslLibraries = List.copyOf(wslLibraries);
        shadowingLibraries = List.copyOf(shadowingLibraries);
    }

    /**
     * Scans; runs {@code ldconfig -p} (PATH, then {@code /sbin/ldconfig}) under a short timeout — not under a fixture
     * root, where it is replayed from a capture or not run ({@code ldconfigRead} false).
     */
    static WslLibraryScan scan(ProbeContext context) {
        FileView files = context.files();
        List<String> wslLibraries = files.list(WSL_LIB).stream().filter(WslLibraryScan::interesting).toList();
        Map<String, String> shadowing = new LinkedHashMap<>();
        Optional<LdconfigParser.LdCache> cache = ldconfig(context);
        cache.ifPresent(c -> DRIVER_SONAMES.forEach(soname ->
                loaderChoice(c, soname).filter(path -> !underWslLib(path))
                        .ifPresent(path -> shadowing.putIfAbsent(identity(files, path), path))));
        for (String dir : LINUX_LIBRARY_DIRS) {
            for (String soname : DRIVER_SONAMES) {
                String path = dir + "/" + soname;
                if (files.exists(path)) {
                    shadowing.putIfAbsent(identity(files, path), path);
                }
            }
        }
        return new WslLibraryScan(wslLibraries, new ArrayList<>(shadowing.values()), cache.isPresent());
    }

    /**
     * The path the loader takes for {@code soname}: the first entry of the WSL copy's ABI (so a 32-bit copy
     * listed first does not count), or the first entry when there is no WSL copy.
     */
    static Optional<String> loaderChoice(LdconfigParser.LdCache cache, String soname) {
        List<LdconfigParser.Entry> entries = cache.entriesFor(soname);
        Optional<String> wslFlags = entries.stream().filter(e -> underWslLib(e.path()))
                .map(LdconfigParser.Entry::flags).findFirst();
        return entries.stream().filter(e -> wslFlags.isEmpty() || e.flags().equals(wslFlags.get()))
                .map(LdconfigParser.Entry::path).findFirst();
    }

    private static boolean underWslLib(String path) {
        return path.startsWith(WSL_LIB + "/");
    }

    private static boolean interesting(String name) {
        return name.startsWith("libcuda.so") || name.equals("libnvidia-ml.so.1") || name.equals("libdxcore.so")
                || name.equals("nvidia-smi");
    }

    private static Optional<LdconfigParser.LdCache> ldconfig(ProbeContext context) {
        for (List<String> argv : List.of(HostCommands.LDCONFIG, HostCommands.LDCONFIG_SBIN)) {
            CommandResult result = context.commands().run(io.github.gpuenv.system.CommandRequest.builder(argv)
                    .timeout(HostCommands.timeout(context)).maxOutputBytes(HostCommands.MAX_OUTPUT_BYTES).build());
            if (result.outcome() == CommandResult.Outcome.NOT_FOUND) {
                continue;
            }
            return result.succeeded() ? LdconfigParser.parse(result.stdoutText()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The real file behind a machine path, so {@code /lib/…} and {@code /usr/lib/…} on merged-/usr count once. */
    private static String identity(FileView files, String machinePath) {
        return files.realPath(machinePath).map(Path::toString).orElse(machinePath);
    }
}
