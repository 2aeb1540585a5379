package io.github.gpuenv.internal.nvidia;

import java.util.Objects;

/**
 * One NVML library to try: an absolute path, or a name for the system's default search (a soname like
 * {@code libnvidia-ml.so.1}, or {@code nvml.dll}).
 *
 * @param library what is handed to the loader
 * @param origin why it is tried: {@code "configured"}, {@code "wsl"}, {@code "default library path"}, …
 */
record NvmlCandidate(String library, String origin) {
    NvmlCandidate {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code "libnvidia-ml.so.1 (default library path)"}. */
    String describe() {
        return library + " (" + origin + ")";
    }
}
