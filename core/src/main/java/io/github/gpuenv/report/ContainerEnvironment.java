package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * Whether this process runs in a container, and the NVIDIA variables it was given.
 *
 * <p>{@code boolean inContainer = report.container().map(ContainerEnvironment::inside).orElse(false);}
 *
 * <p>Known with {@code inside = false} means every signal was looked at and none said "container". The fact is
 * unknown only when the probe itself failed.
 *
 * @param inside whether this process runs in a container
 * @param runtime what kind, when it can be told: {@code "docker"}, {@code "podman"}, {@code "kubernetes"},
 *     {@code "containerd"}, {@code "lxc"}; empty when not inside or not known
 * @param visibleDevices {@code NVIDIA_VISIBLE_DEVICES}; null when unset
 * @param driverCapabilities {@code NVIDIA_DRIVER_CAPABILITIES}; null when unset
 * @param requireCuda {@code NVIDIA_REQUIRE_CUDA} parsed; null when unset
 * @param cudaVersion {@code CUDA_VERSION} (the image's CUDA runtime); null when unset
 * @param evidence the signals that were seen, e.g. {@code "/.dockerenv exists"},
 *     {@code "/proc/1/cgroup: docker"}; empty when none
 * @param engineInside whether a Docker Engine ({@code dockerd}) runs inside this container too (Docker in Docker, or
 *     a container image used as a machine): then this container's {@code /etc/docker} and toolkit are the engine's
 */
public record ContainerEnvironment(boolean inside, String runtime, String visibleDevices, String driverCapabilities,
                                   CudaRequirement requireCuda, String cudaVersion, List<String> evidence,
                                   boolean engineInside) {
    public ContainerEnvironment {
        runtime = Absent.text(runtime);
        cudaVersion = Absent.text(cudaVersion);
        evidence = List.copyOf(evidence);
    }

    /** An environment without an engine inside it. */
    public ContainerEnvironment(boolean inside, String runtime, String visibleDevices, String driverCapabilities,
                                CudaRequirement requireCuda, String cudaVersion, List<String> evidence) {
        this(inside, runtime, visibleDevices, driverCapabilities, requireCuda, cudaVersion, evidence, false);
    }
}
