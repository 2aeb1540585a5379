package io.github.gpuenv;

import java.util.Objects;

/**
 * Whether this process runs in a container, and the NVIDIA variables it was given.
 *
 * @param inside whether this process runs in a container
 * @param runtime what kind, when it can be told: {@code "docker"}, {@code "podman"}, {@code "kubernetes"},
 *     {@code "containerd"}, {@code "lxc"}; empty when not inside or not known
 * @param visibleDevices {@code NVIDIA_VISIBLE_DEVICES}; null when unset
 * @param driverCapabilities {@code NVIDIA_DRIVER_CAPABILITIES}; null when unset
 * @param requireCuda {@code NVIDIA_REQUIRE_CUDA} parsed; null when unset
 * @param cudaVersion {@code CUDA_VERSION} (the image's CUDA runtime); null when unset
 */
public record ContainerEnvironment(boolean inside, String runtime, String visibleDevices, String driverCapabilities,
                                   CudaRequirement requireCuda, String cudaVersion) {
    public ContainerEnvironment {
        runtime = Objects.requireNonNullElse(runtime, "");
    }
}
