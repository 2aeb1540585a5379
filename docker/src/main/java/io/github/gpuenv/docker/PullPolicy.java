package io.github.gpuenv.docker;

/**
 * When {@link DockerGpu} pulls a container's image.
 *
 * <p>{@code RunOptions.builder(image).pullPolicy(PullPolicy.NEVER)}
 */
public enum PullPolicy {
    /** Pull every time (the registry's image wins over a local one of the same name). */
    ALWAYS,
    /** Pull only when the engine does not have the image (the default, as {@code docker run}). */
    MISSING,
    /** Never pull; an absent image is an {@link ImageNotFoundException}. */
    NEVER
}
