package io.github.gpuenv.cdi;

import java.util.Objects;

/**
 * A device node to give a container.
 *
 * @param hostPath the node on the host, e.g. {@code /dev/nvidia0}
 * @param containerPath where the container sees it (usually the same path)
 * @param permissions cgroup permissions, e.g. {@code "rwm"}
 */
public record DeviceNode(String hostPath, String containerPath, String permissions) {
    public DeviceNode {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        permissions = Objects.requireNonNullElse(permissions, "rwm");
    }

    /** A node read, written and created ({@code "rwm"}) at {@code containerPath}, backed by {@code hostPath}. */
    public static DeviceNode of(String hostPath, String containerPath) {
        return new DeviceNode(hostPath, containerPath, "rwm");
    }
}
