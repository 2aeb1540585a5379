package io.github.gpuenv.docker;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;

/**
 * One progress event of an image pull, as the engine reports it.
 *
 * @param image the image being pulled, e.g. {@code nvidia/cuda:12.4.1-base-ubuntu22.04}
 * @param layerId the layer it concerns; null for image-wide events
 * @param status the engine's status text, e.g. {@code "Downloading"}, {@code "Pull complete"}; empty when it sent none
 * @param currentBytes bytes done for this layer, or −1 when not reported
 * @param totalBytes the layer's size, or −1 when not reported
 */
public record PullProgress(String image, String layerId, String status, long currentBytes, long totalBytes) {
    public PullProgress {
        Objects.requireNonNull(image, "image");
        layerId = Absent.text(layerId);
        status = Objects.requireNonNullElse(status, "");
    }
}
