package io.github.gpuenv.cdi;

import java.util.Objects;

/**
 * A bind mount to give a container (driver libraries and binaries are always read-only).
 *
 * @param hostPath the file or directory on the host
 * @param containerPath where the container sees it
 * @param readOnly whether it is mounted read-only
 */
public record Mount(String hostPath, String containerPath, boolean readOnly) {
    public Mount {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
    }

    /** A read-only bind mount of {@code hostPath} at {@code containerPath}. */
    public static Mount readOnly(String hostPath, String containerPath) {
        return new Mount(hostPath, containerPath, true);
    }
}
