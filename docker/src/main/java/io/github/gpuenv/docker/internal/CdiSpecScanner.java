package io.github.gpuenv.docker.internal;

import io.github.gpuenv.system.FileView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds NVIDIA GPU CDI specs ({@code kind: nvidia.com/gpu}, YAML or JSON) in an engine's CDI spec directories,
 * read through a {@link FileView}. Only meaningful when the engine shares this machine's filesystem (a local unix
 * socket that is not Docker Desktop). Reads at most 1 MiB per file and 200 files per directory.
 *
 * <p>{@code List<String> specs = CdiSpecScanner.nvidiaGpuSpecs(files, List.of("/etc/cdi", "/var/run/cdi"));}
 */
public final class CdiSpecScanner {

    private static final Pattern NVIDIA_GPU_KIND =
            Pattern.compile("[\"']?kind[\"']?\\s*:\\s*[\"']?nvidia\\.com/gpu[\"']?(?![\\w./-])");
    private static final int MAX_FILES_PER_DIR = 200;

    private CdiSpecScanner() {
    }

    /** The machine paths of the spec files that define {@code nvidia.com/gpu} devices, in directory order. */
    public static List<String> nvidiaGpuSpecs(FileView files, List<String> specDirs) {
        List<String> found = new ArrayList<>();
        for (String dir : specDirs) {
            List<String> names = files.list(dir);
            for (String name : names.subList(0, Math.min(names.size(), MAX_FILES_PER_DIR))) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
                    continue;
                }
                String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
                files.read(path, FileView.DEFAULT_MAX_BYTES)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .filter(text -> NVIDIA_GPU_KIND.matcher(text).find())
                        .ifPresent(text -> found.add(path));
            }
        }
        return found;
    }
}
