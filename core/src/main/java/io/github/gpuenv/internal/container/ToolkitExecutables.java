package io.github.gpuenv.internal.container;

import io.github.gpuenv.system.FileView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the NVIDIA Container Toolkit's executables the way a shell would, but through {@link FileView} so a fixture
 * root works: each directory of {@code PATH} in order, then {@code /usr/bin} and {@code /usr/local/bin} (where the
 * packages install them, in case this process's PATH is narrower than dockerd's). Only existence is checked.
 */
final class ToolkitExecutables {

    /** The executables, in report order. */
    static final List<String> NAMES = List.of("nvidia-container-runtime-hook", "nvidia-cdi-hook", "nvidia-ctk",
            "nvidia-container-runtime", "nvidia-container-cli");
    private static final List<String> ALWAYS_SEARCHED = List.of("/usr/bin", "/usr/local/bin");
    private static final int MAX_PATH_ENTRIES = 256;

    private ToolkitExecutables() {
    }

    /** The directories searched for {@code pathVariable}: absolute PATH entries, then the standard ones, no repeats. */
    static List<String> searchDirectories(String pathVariable) {
        Set<String> dirs = new LinkedHashSet<>();
        if (pathVariable != null) {
            String[] entries = pathVariable.split(":", MAX_PATH_ENTRIES + 1);
            for (int i = 0; i < Math.min(entries.length, MAX_PATH_ENTRIES); i++) {
                String dir = entries[i].strip();
                if (dir.startsWith("/")) {
                    dirs.add(dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir);
                }
            }
        }
        dirs.addAll(ALWAYS_SEARCHED);
        return new ArrayList<>(dirs);
    }

    /** The machine path of {@code name} in the first directory that has it. */
    static Optional<String> find(FileView files, List<String> directories, String name) {
        for (String dir : directories) {
            String candidate = (dir.equals("/") ? "" : dir) + "/" + name;
            if (files.exists(candidate) && !files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
