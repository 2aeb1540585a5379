package io.github.gpuenv;

import java.util.List;
import java.util.Objects;

/**
 * The NVIDIA Container Toolkit as installed on this host, and Docker's configuration of it.
 *
 * @param binaries the toolkit executables found on PATH (empty: none installed)
 * @param configPath {@code /etc/nvidia-container-runtime/config.toml} when present; null otherwise
 * @param noCgroups the {@code no-cgroups} setting in that file; null when absent
 * @param daemonJsonPath {@code /etc/docker/daemon.json} when present; null otherwise
 * @param nvidiaRuntime whether daemon.json registers a runtime named {@code nvidia}
 * @param defaultRuntime daemon.json's {@code default-runtime}; null when not set
 * @param cdiFeature daemon.json's {@code features.cdi}; null when not set
 * @param cdiSpecs the CDI specs found in {@code /etc/cdi} and {@code /var/run/cdi}
 */
public record ContainerToolkit(List<Binary> binaries, String configPath, Boolean noCgroups, String daemonJsonPath,
                               boolean nvidiaRuntime, String defaultRuntime, Boolean cdiFeature,
                               List<CdiSpec> cdiSpecs) {
    public ContainerToolkit {
        binaries = List.copyOf(binaries);
        cdiSpecs = List.copyOf(cdiSpecs);
    }

    /** Whether any toolkit executable was found. */
    public boolean installed() {
        return !binaries.isEmpty();
    }

    /**
     * One toolkit executable.
     *
     * @param name e.g. {@code "nvidia-ctk"}
     * @param path where it was found
     * @param version its version when cheap to get; empty otherwise
     */
    public record Binary(String name, String path, String version) {
        public Binary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            version = Objects.requireNonNullElse(version, "");
        }
    }

    /**
     * One CDI spec file.
     *
     * @param path the file
     * @param kind e.g. {@code "nvidia.com/gpu"}; empty when the file could not be read
     * @param devices fully qualified device names, e.g. {@code "nvidia.com/gpu=all"}
     */
    public record CdiSpec(String path, String kind, List<String> devices) {
        public CdiSpec {
            Objects.requireNonNull(path, "path");
            kind = Objects.requireNonNullElse(kind, "");
            devices = List.copyOf(devices);
        }
    }
}
