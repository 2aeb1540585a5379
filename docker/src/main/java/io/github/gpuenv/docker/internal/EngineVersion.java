package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.DockerEngine.Product;
import java.util.Objects;

/**
 * What {@code GET /version} says about an engine.
 *
 * @param version e.g. {@code "26.1.5+dfsg1"}; Podman's version on Podman, e.g. {@code "5.4.2"}
 * @param apiVersion the newest API version it speaks, e.g. {@code "1.45"}
 * @param minApiVersion the oldest it accepts, e.g. {@code "1.24"}
 * @param os {@code "linux"} or {@code "windows"}
 * @param kernelVersion the engine host's kernel
 * @param product {@link Product#PODMAN} when a {@code Components} entry is named {@code "Podman Engine"}
 */
public record EngineVersion(String version, String apiVersion, String minApiVersion, String os, String kernelVersion,
                            Product product) {
    public EngineVersion {
        version = Objects.requireNonNullElse(version, "");
        apiVersion = Objects.requireNonNullElse(apiVersion, "");
        minApiVersion = Objects.requireNonNullElse(minApiVersion, "");
        os = Objects.requireNonNullElse(os, "");
        kernelVersion = Objects.requireNonNullElse(kernelVersion, "");
        product = Objects.requireNonNullElse(product, Product.DOCKER);
    }
}
