package io.github.gpuenv.internal.host;

import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.util.List;
import java.util.Optional;

/**
 * Whether this Linux runs inside WSL, and which WSL, from the kernel release and a few markers. Shared by the
 * {@code wsl} fact and the {@code windows} fact's {@code ver} probe (facts are probed concurrently).
 *
 * <p>Inside (gopsutil's recipe, after microsoft/WSL#423): the release contains {@code Microsoft} or
 * {@code WSL}; or it contains {@code microsoft} and one of {@code /run/WSL},
 * {@code /proc/sys/fs/binfmt_misc/WSLInterop}, {@code WSL_DISTRO_NAME}, {@code WSL_INTEROP} is there.
 * Version: a capitalised {@code Microsoft} is WSL 1 ({@code 4.4.0-19041-Microsoft}); a lowercase
 * {@code microsoft} ({@code 4.19.128-microsoft-standard}, {@code 5.15.153.1-microsoft-standard-WSL2}) or
 * {@code WSL2} is WSL 2; otherwise not told.
 *
 * @param kernelRelease the release read
 * @param inside whether inside WSL
 * @param version 1, 2, or null when inside but not told (and when outside)
 * @param evidence what decided it, for details
 */
record WslDetection(String kernelRelease, boolean inside, Integer version, String evidence) {

    static final List<String> MARKER_FILES = List.of("/run/WSL", "/proc/sys/fs/binfmt_misc/WSLInterop");
    static final List<String> MARKER_VARIABLES = List.of("WSL_DISTRO_NAME", "WSL_INTEROP");

    /** The detection, or empty when the kernel release cannot be read. */
    static Optional<WslDetection> detect(FileView files, Environment environment) {
        return KernelRelease.read(files).map(release -> classify(release, marker(files, environment)));
    }

    /** Classifies {@code release}; {@code marker} names a WSL marker that is present, or is empty. */
    static WslDetection classify(String release, Optional<String> marker) {
        Integer version = versionOf(release);
        if (release.contains("Microsoft") || release.contains("WSL")) {
            return new WslDetection(release, true, version, "kernel release " + release);
        }
        if (release.contains("microsoft") && marker.isPresent()) {
            return new WslDetection(release, true, version, "kernel release " + release + " and " + marker.get());
        }
        String why = release.contains("microsoft")
                ? "kernel release " + release + " names microsoft but no WSL marker (/run/WSL, WSL_DISTRO_NAME) is there"
                : "kernel release " + release + " is not a WSL kernel";
        return new WslDetection(release, false, null, why);
    }

    private static Integer versionOf(String release) {
        if (release.contains("Microsoft")) {
            return 1;
        }
        if (release.contains("microsoft") || release.contains("WSL2")) {
            return 2;
        }
        return null;
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
