package io.github.gpuenv.internal.container;

import java.util.Optional;

/**
 * Reads {@code /proc/self/mountinfo} for the marks a container engine leaves: Docker bind-mounts
 * {@code /etc/hostname} and {@code /etc/resolv.conf} from {@code /var/lib/docker/containers/<id>/}, and the
 * root file system of a Docker or Podman container is an {@code overlay} whose layers live under
 * {@code /var/lib/docker/} or {@code /var/lib/containers/}. An overlay root without those paths (a live CD) is
 * not taken as a container.
 *
 * <p>{@code Optional<String> engine = MountInfoParser.parse(Files.readString(Path.of("/proc/self/mountinfo")));}
 *
 * <p>Never throws; empty for empty, binary or unrecognised input.
 */
public final class MountInfoParser {

    private static final int MAX_LINES = 4096;

    private MountInfoParser() {
    }

    /** {@code "docker"} or {@code "podman"}, or empty. */
    public static Optional<String> parse(String content) {
        if (content == null) {
            return Optional.empty();
        }
        String[] lines = content.split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i];
            String[] fields = line.split(" ");
            int dash = indexOf(fields, "-");
            if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) {
                continue;
            }
            if (fields[3].contains("/docker/containers/")) {
                return Optional.of("docker");
            }
            boolean overlayRoot = fields[4].equals("/") && fields[dash + 1].equals("overlay");
            String superOptions = dash + 3 < fields.length ? fields[dash + 3] : "";
            if (overlayRoot && superOptions.contains("/var/lib/docker/")) {
                return Optional.of("docker");
            }
            if (overlayRoot && superOptions.contains("/var/lib/containers/")) {
                return Optional.of("podman");
            }
        }
        return Optional.empty();
    }

    private static int indexOf(String[] fields, String wanted) {
        for (int i = 6; i < fields.length; i++) {
            if (fields[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
