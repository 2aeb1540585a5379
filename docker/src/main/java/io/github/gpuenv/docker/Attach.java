package io.github.gpuenv.docker;

/**
 * How a container gets its GPUs.
 *
 * <p>{@code RunOptions.builder("nvidia/cuda:12.4.1-base-ubuntu22.04").gpus(GpuRequest.all()).attach(Attach.CDI)}
 */
public enum Attach {
    /**
     * Chosen from the engine's facts: {@link #TOOLKIT} when it has an {@code nvidia} runtime (or a probe container
     * verified {@code --gpus}); {@link #CDI} when it has NVIDIA CDI devices or a spec; otherwise {@link #INJECT}
     * when {@link RunOptions#allowInject()} is set, and else {@link #TOOLKIT} (the toolkit's hook may be on
     * dockerd's PATH, which the engine's facts cannot show: the daemon's answer decides, and its refusal is a
     * typed {@link GpuDriverMissingException}). Never {@link #INJECT} unless allowed.
     */
    AUTO,
    /**
     * A {@code --gpus}-style device request served by the NVIDIA Container Toolkit; with
     * {@code Runtime: "nvidia"} when the engine has that runtime and it is not already the default.
     */
    TOOLKIT,
    /** A {@code Driver: "cdi"} device request naming NVIDIA CDI devices ({@code nvidia.com/gpu=…}). */
    CDI,
    /**
     * No toolkit at all: device nodes, read-only driver mounts and environment computed from this host's driver
     * files (an {@code InjectionPlan}). Explicit opt-in only; the engine must run on this host.
     */
    INJECT
}
