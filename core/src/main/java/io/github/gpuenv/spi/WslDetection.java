package io.github.gpuenv.spi;

import io.github.gpuenv.internal.KernelRelease;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for "does this Linux run inside WSL, which WSL, and can it run Windows programs", shared by core's
 * {@code wsl} and {@code windows} facts and by {@code gpuenv-wsl}'s {@code wsl.exe} locator.
 *
 * <p>{@code WslDetection.detect(files, env).filter(WslDetection::inside).ifPresent(w -> … w.interop() …);}
 *
 * <p><b>Inside</b> when the kernel release names {@code microsoft} or {@code WSL}, in any case
 * ({@code 4.4.0-19041-Microsoft} of WSL 1, {@code 4.19.128-microsoft-standard}, {@code 5.15.153.1-microsoft-standard-WSL2},
 * a self-built {@code 6.1.21-microsoft-custom}), or when a marker WSL creates is present ({@code /run/WSL}, a
 * {@code WSLInterop} binfmt entry, {@code WSL_DISTRO_NAME}, {@code WSL_INTEROP}) — a custom kernel may be named
 * anything. Microsoft's guidance (microsoft/WSL#423) is to look for "Microsoft" or "WSL" in the release; no other
 * Linux kernel is known to carry "microsoft" (Azure's are {@code -azure}).
 *
 * <p><b>Version</b>: WSL 1 has no Linux kernel, and its synthetic release always ends in a capitalised
 * {@code -Microsoft}; a lowercase {@code microsoft} or {@code WSL2} is WSL 2; otherwise not told (null).
 *
 * <p><b>Interop</b> (running {@code wsl.exe}, {@code cmd.exe} from Linux): WSL registers the binfmt_misc entry
 * {@code /proc/sys/fs/binfmt_misc/WSLInterop} ({@code WSLInterop-late} under systemd) while interop is enabled;
 * {@code [interop] enabled=false} in {@code /etc/wsl.conf} leaves it out and {@code echo 0 >} it reads
 * {@code disabled}. Without it, Windows programs cannot be run from here — a container on a WSL kernel included.
 *
 * @param kernelRelease the release read; empty when only a marker told
 * @param inside whether inside WSL
 * @param version 1, 2, or null when inside but not told (and when outside)
 * @param interop whether Windows programs can be run from here (false outside WSL)
 * @param evidence what decided it, for details
 */
public record WslDetection(String kernelRelease, boolean inside, Integer version, boolean interop, String evidence) {

    /** The binfmt_misc entries WSL registers while interop is enabled. */
    public static final List<String> INTEROP_ENTRIES =
            List.of("/proc/sys/fs/binfmt_misc/WSLInterop", "/proc/sys/fs/binfmt_misc/WSLInterop-late");
    static final List<String> MARKER_FILES = List.of("/run/WSL", INTEROP_ENTRIES.get(0), INTEROP_ENTRIES.get(1));
    static final List<String> MARKER_VARIABLES = List.of("WSL_DISTRO_NAME", "WSL_INTEROP");
    /** Where WSL mounts Windows' {@code System32} by default. */
    public static final String SYSTEM32 = "/mnt/c/Windows/System32";
    /** What to do when interop is off, for messages. */
    public static final String ENABLE_INTEROP = io.github.gpuenv.report.WslProblem.INTEROP_DISABLED.remedy();
    private static final int MAX_PATH_ENTRIES = 64;

    /** The detection from the kernel release and the markers; empty when neither tells anything. */
    public static Optional<WslDetection> detect(FileView files, Environment environment) {
        Optional<String> release = KernelRelease.read(files);
        Optional<String> marker = marker(files, environment);
        if (release.isEmpty() && marker.isEmpty()) {
            return Optional.empty();
        }
        WslDetection d = classify(release.orElse(""), marker);
        return Optional.of(d.inside() ? d.withInterop(interop(files)) : d);
    }

    /** Classifies {@code release}; {@code marker} names a WSL marker that is present, or is empty. Interop: false. */
    public static WslDetection classify(String release, Optional<String> marker) {
        String lower = release.toLowerCase(Locale.ROOT);
        boolean named = lower.contains("microsoft") || lower.contains("wsl");
        Integer version = release.contains("Microsoft") ? Integer.valueOf(1)
                : lower.contains("microsoft") || lower.contains("wsl2") ? Integer.valueOf(2) : null;
        if (named) {
            return new WslDetection(release, true, version, false, "kernel release " + release);
        }
        if (marker.isPresent()) {
            return new WslDetection(release, true, version, false,
                    (release.isEmpty() ? "" : "kernel release " + release + " and ") + marker.get());
        }
        return new WslDetection(release, false, null, false, "kernel release " + release + " is not a WSL kernel"
                + " and no WSL marker (" + String.join(", ", MARKER_FILES) + ", WSL_DISTRO_NAME) is there");
    }

    /** Whether a WSL interop binfmt entry is registered and not disabled. */
    public static boolean interop(FileView files) {
        for (String entry : INTEROP_ENTRIES) {
            if (files.exists(entry)) {
                String first = files.read(entry, 64).map(b -> new String(b, StandardCharsets.US_ASCII)).orElse("")
                        .lines().findFirst().orElse("").strip();
                return !first.equals("disabled");
            }
        }
        return false;
    }

    /**
     * A Windows program as WSL interop reaches it: the first {@code PATH} directory holding {@code name}, else
     * {@link #SYSTEM32}{@code /name}; empty when it is in neither ({@code appendWindowsPath=false}, C: not mounted).
     */
    public static Optional<String> windowsProgram(String name, FileView files, Environment environment) {
        String path = environment.variable("PATH").orElse("");
        int seen = 0;
        for (String dir : path.split(":")) {
            if (++seen > MAX_PATH_ENTRIES) {
                break;
            }
            String candidate = dir.endsWith("/") ? dir + name : dir + "/" + name;
            if (dir.startsWith("/") && files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        String system32 = SYSTEM32 + "/" + name;
        return files.exists(system32) ? Optional.of(system32) : Optional.empty();
    }

    /**
     * Why a Windows program cannot be run from here, or empty when it can be tried: for messages such as
     * "inside WSL with interop disabled: wsl.exe cannot be run from here → …".
     */
    public Optional<String> whyNoWindowsPrograms() {
        if (!inside || interop) {
            return Optional.empty();
        }
        return Optional.of("inside WSL with interop disabled (no " + INTEROP_ENTRIES.get(0) + " entry, or it is"
                + " disabled): Windows programs cannot be run from here");
    }

    private WslDetection withInterop(boolean on) {
        return new WslDetection(kernelRelease, inside, version, on, evidence + (on ? "; interop on" : "; interop off"));
    }

    private static Optional<String> marker(FileView files, Environment environment) {
        for (String file : MARKER_FILES) {
            if (files.exists(file)) {
                return Optional.of(file);
            }
        }
        for (String variable : MARKER_VARIABLES) {
            if (environment.variable(variable).filter(v -> !v.isEmpty()).isPresent()) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
