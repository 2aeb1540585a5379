package io.github.gpuenv.internal;

import io.github.gpuenv.system.FileView;
import java.util.Optional;

/** Where the Linux kernel release is read from: {@code /proc/sys/kernel/osrelease}, else {@code /proc/version}. */
public final class KernelRelease {

    public static final String OSRELEASE = "/proc/sys/kernel/osrelease";
    public static final String PROC_VERSION = "/proc/version";
    private static final int MAX_BYTES = 4096;

    private KernelRelease() {
    }

    /** The release, e.g. {@code "5.15.153.1-microsoft-standard-WSL2"}, or empty when neither file tells it. */
    public static Optional<String> read(FileView files) {
        Optional<String> release = files.read(OSRELEASE, MAX_BYTES).map(KernelRelease::text).map(String::strip)
                .filter(KernelRelease::plausible);
        if (release.isPresent()) {
            return release;
        }
        return files.read(PROC_VERSION, MAX_BYTES).map(KernelRelease::text).flatMap(ProcVersionParser::parse);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One printable word, as {@code uname -r} gives. */
    private static boolean plausible(String release) {
        return !release.isEmpty() && release.length() <= 256 && release.chars().allMatch(c -> c > ' ' && c < 127);
    }
}
