package io.github.gpuenv.internal.container;

import io.github.gpuenv.internal.AsciiCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code /proc/1/cgroup} for the container engine that made the process's cgroup: cgroup v1 lines
 * ({@code 12:memory:/docker/3601745b…}) and v2 lines ({@code 0::/system.slice/docker-3601745b….scope},
 * {@code 0::/kubepods.slice/…}). A v2 line {@code 0::/} alone (a private cgroup namespace) says nothing, and
 * neither does a host's {@code 0::/init.scope}.
 *
 * <p>{@code Optional<String> engine = ProcCgroupParser.parse("0::/kubepods/besteffort/pod1/abc");  // kubernetes}
 *
 * <p>Never throws; empty for empty, binary or unrecognised input.
 */
public final class ProcCgroupParser {

    private static final int MAX_LINES = 256;

    private ProcCgroupParser() {
    }

    /** The engine ({@code kubernetes}, {@code podman}, {@code docker}, {@code containerd}, {@code lxc}), or empty. */
    public static Optional<String> parse(String content) {
        if (content == null) {
            return Optional.empty();
        }
        String[] lines = content.split("\n", MAX_LINES + 1);
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i];
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String engine = engine(AsciiCase.lower(line.substring(second + 1).strip()));
            if (engine != null) {
                named.add(engine);
            }
        }
        String engine = ContainerEngines.mostSpecific(named);
        return engine.isEmpty() ? Optional.empty() : Optional.of(engine);
    }

    private static String engine(String path) {
        if (path.contains("kubepods")) {
            return "kubernetes";
        }
        if (path.contains("libpod")) {
            return "podman";
        }
        if (path.contains("/docker/") || path.contains("/docker-") || path.endsWith("/docker")) {
            return "docker";
        }
        if (path.contains("cri-containerd") || path.contains("nerdctl-") || path.contains("/containerd/")) {
            return "containerd";
        }
        if (path.contains("/lxc/") || path.contains("lxc.payload")) {
            return "lxc";
        }
        return null;
    }
}
