package io.github.gpuenv.cdi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a container's dynamic loader finds the driver's libraries without {@code LD_LIBRARY_PATH}.
 *
 * <p>A CDI {@code env} edit, like an injection plan's environment, <em>replaces</em> the image's own variable, and
 * {@code nvidia/cuda} and framework images (PyTorch, TensorFlow, Triton) set {@code LD_LIBRARY_PATH} for their CUDA
 * runtime: setting it to the driver's directory would break them. NVIDIA's specs instead run the
 * {@code update-ldcache} hook (ldconfig inside the container at create time), which needs the toolkit's hook binary
 * on the host and an {@code ldconfig} in the image. gpuenv's specs have no hooks, so each driver library (and each of
 * its soname links) is bind-mounted, besides its host path, into the directories the loader of glibc images searches
 * by default: {@code /usr/lib/<multiarch>} (Debian, Ubuntu and the images built on them) and {@code /usr/lib64}
 * (RHEL, UBI, Fedora, Rocky). No environment variable is set, so the image's {@code LD_LIBRARY_PATH} survives.
 */
final class LoaderPlacement {

    private static final Pattern LIBRARY = Pattern.compile("lib[^/]*\\.so(\\.[0-9.]+)?");

    private LoaderPlacement() {
    }

    /** The loader directories of glibc images for the architecture {@code osArch} ({@code os.arch}'s spelling). */
    static List<String> containerLoaderDirs(String osArch) {
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        String multiarch = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        return List.of("/usr/lib/" + multiarch, "/usr/lib64");
    }

    /**
     * {@code files} with every library mount also placed in {@code loaderDirs} and without {@code LD_LIBRARY_PATH}
     * in its environment.
     */
    static NvidiaDriverFiles place(NvidiaDriverFiles files, List<String> loaderDirs) {
        Set<String> taken = new LinkedHashSet<>();
        files.mounts().forEach(m -> taken.add(m.containerPath()));
        List<Mount> mounts = new ArrayList<>(files.mounts());
        for (Mount m : files.mounts()) {
            String path = m.containerPath();
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (slash <= 0 || !LIBRARY.matcher(name).matches()) {
                continue;                                        // binaries, firmware, driver-store directories
            }
            for (String dir : loaderDirs) {
                String placed = dir + "/" + name;
                if (taken.add(placed)) {
                    mounts.add(Mount.readOnly(m.hostPath(), placed));
                }
            }
        }
        Map<String, String> env = new LinkedHashMap<>(files.environment());
        env.remove("LD_LIBRARY_PATH");
        return new NvidiaDriverFiles(files.wsl(), files.driverVersion(), files.controlNodes(), files.gpus(), mounts,
                env);
    }
}
