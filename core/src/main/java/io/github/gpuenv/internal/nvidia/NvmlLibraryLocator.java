package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.FileView;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where NVML is looked for, in order: {@link io.github.gpuenv.DetectOptions#nvmlLibrary()} when set; on Linux inside
 * WSL the Windows driver's {@code /usr/lib/wsl/lib/libnvidia-ml.so.1} (resolved under the file view's root), then
 * {@code libnvidia-ml.so.1} on the default library path; on Windows {@code nvml.dll} in {@code %SystemRoot%\System32}
 * and {@code %ProgramFiles%\NVIDIA Corporation\NVSMI}, then by name. Under a fixture root the default search and the
 * Windows folders are left out: they would find the live machine's library (and a detection never runs the NVML probe
 * under a fixture root at all: {@link NvmlGpuProbe#readsLiveMachine()}).
 *
 * <p>{@code List<NvmlCandidate> c = NvmlLibraryLocator.candidates(context);}
 */
final class NvmlLibraryLocator {

    static final String WSL_LIBRARY = "/usr/lib/wsl/lib/libnvidia-ml.so.1";
    static final String LINUX_SONAME = "libnvidia-ml.so.1";
    static final String WINDOWS_DLL = "nvml.dll";

    private NvmlLibraryLocator() {
    }

    /** The libraries to try, first first; empty where NVML does not exist (macOS) and nothing was configured. */
    static List<NvmlCandidate> candidates(ProbeContext context) {
        Map<String, NvmlCandidate> out = new LinkedHashMap<>();
        context.options().nvmlLibrary().ifPresent(p -> add(out, p.toAbsolutePath().toString(), "configured"));
        FileView files = context.files();
        boolean live = files.isLiveMachine();
        if (context.osFamily() == OsFamily.LINUX) {
            if (files.exists(WSL_LIBRARY)) {
                add(out, files.resolve(WSL_LIBRARY).toString(), "wsl");
            }
            if (live) {
                add(out, LINUX_SONAME, "default library path");
            }
        } else if (context.osFamily() == OsFamily.WINDOWS && live) {
            windowsFolder(context, "SystemRoot", "System32").ifPresent(p -> add(out, p, "System32"));
            windowsFolder(context, "ProgramFiles", "NVIDIA Corporation\\NVSMI").ifPresent(p -> add(out, p, "NVSMI"));
            add(out, WINDOWS_DLL, "default library path");
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, NvmlCandidate> out, String library, String origin) {
        out.putIfAbsent(library, new NvmlCandidate(library, origin));
    }

    private static Optional<String> windowsFolder(ProbeContext context, String variable, String folder) {
        Optional<String> base = context.environment().variable(variable);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path dll = Path.of(base.get(), folder, WINDOWS_DLL);
            return Files.isRegularFile(dll) ? Optional.of(dll.toString()) : Optional.empty();
        } catch (InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}
