package io.github.gpuenv.docker.internal;

import java.util.Objects;

/**
 * What {@code GET /version} says about an engine.
 *
 * @param version e.g. {@code "26.1.5+dfsg1"}
 * @param apiVersion the newest API version it speaks, e.g. {@code "1.45"}
 * @param minApiVersion the oldest it accepts, e.g. {@code "1.24"}
 * @param os {@code "linux"} or {@code "windows"}
 * @param kernelVersion the engine host's kernel
 */
public record EngineVersion(String version, String apiVersion, String minApiVersion, String os, String kernelVersion) {
    public EngineVersion {
        version = Objects.requireNonNullElse(version, "");
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        minApiVersion = Objects.requireNonNullElse(minApiVersion, "");
        os = Objects.requireNonNullElse(os, "");
        kernelVersion = Objects.requireNonNullElse(kernelVersion, "");
    }
}
