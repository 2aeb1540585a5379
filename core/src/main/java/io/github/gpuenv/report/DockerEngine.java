package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * The Docker Engine this process would talk to, as the {@code gpuenv-docker} module sees it — Docker's own, or
 * Podman's Docker-compatible API ({@link #product()}). An engine that cannot be reached is an unknown fact with the
 * reason (not found, permission denied, timed out) and the endpoint in its detail.
 *
 * @param endpoint the endpoint docker-java's configuration chose, e.g. {@code "unix:///var/run/docker.sock"}
 * @param serverVersion e.g. {@code "26.1.5"}; Podman's own version on Podman, e.g. {@code "5.4.2"}
 * @param apiVersion the server's (Docker) API version, e.g. {@code "1.45"}; Podman 5 emulates {@code "1.41"}
 * @param negotiatedApiVersion the API version gpuenv uses with it
 * @param osType {@code "linux"} or {@code "windows"}
 * @param operatingSystem e.g. {@code "Debian GNU/Linux 13 (trixie)"}, {@code "Docker Desktop"}
 * @param kernelVersion the engine host's kernel
 * @param rootless whether the engine runs rootless
 * @param dockerDesktop whether it is Docker Desktop
 * @param runtimes the registered runtimes, e.g. {@code ["io.containerd.runc.v2", "nvidia", "runc"]}
 * @param defaultRuntime e.g. {@code "runc"}
 * @param cdiSpecDirs the CDI spec directories it reads (empty: CDI off or an engine before 25); on Podman, whose
 *        {@code /info} does not report them, the ones it reads by default: {@code /etc/cdi}, {@code /var/run/cdi}
 * @param cdiDevices the CDI devices it discovered, e.g. {@code ["nvidia.com/gpu=all"]}
 * @param cgroupDriver {@code "systemd"} or {@code "cgroupfs"}
 * @param cgroupVersion {@code "1"} or {@code "2"}
 * @param gpuPath how this engine can serve a GPU request
 * @param gpuPathDetail what the {@code gpuPath} was concluded from
 * @param product which engine serves the API: {@link Product#DOCKER} or {@link Product#PODMAN}; null (a report or
 *        capture written before the field existed) reads as {@link Product#DOCKER}
 */
public record DockerEngine(String endpoint, String serverVersion, String apiVersion, String negotiatedApiVersion,
                           String osType, String operatingSystem, String kernelVersion, boolean rootless,
                           boolean dockerDesktop, List<String> runtimes, String defaultRuntime,
                           List<String> cdiSpecDirs, List<String> cdiDevices, String cgroupDriver,
                           String cgroupVersion, GpuPath gpuPath, String gpuPathDetail, Product product) {
    public DockerEngine {
        Objects.requireNonNull(endpoint, "endpoint");
        serverVersion = Absent.text(serverVersion);
        apiVersion = Absent.text(apiVersion);
        negotiatedApiVersion = Absent.text(negotiatedApiVersion);
        osType = Absent.text(osType);
        operatingSystem = Absent.text(operatingSystem);
        kernelVersion = Absent.text(kernelVersion);
        defaultRuntime = Absent.text(defaultRuntime);
        cgroupDriver = Absent.text(cgroupDriver);
        cgroupVersion = Absent.text(cgroupVersion);
        runtimes = List.copyOf(runtimes);
        cdiSpecDirs = List.copyOf(cdiSpecDirs);
        cdiDevices = List.copyOf(cdiDevices);
        Objects.requireNonNull(gpuPath, "gpuPath");
        gpuPathDetail = Objects.requireNonNullElse(gpuPathDetail, "");
        // reports and captures from before the field (schema 2 as first published) knew only Docker Engines
        product = Objects.requireNonNullElse(product, Product.DOCKER);
    }

    /** A Docker Engine's record ({@link Product#DOCKER}): the constructor of the records before {@code product}. */
    public DockerEngine(String endpoint, String serverVersion, String apiVersion, String negotiatedApiVersion,
                        String osType, String operatingSystem, String kernelVersion, boolean rootless,
                        boolean dockerDesktop, List<String> runtimes, String defaultRuntime,
                        List<String> cdiSpecDirs, List<String> cdiDevices, String cgroupDriver,
                        String cgroupVersion, GpuPath gpuPath, String gpuPathDetail) {
        this(endpoint, serverVersion, apiVersion, negotiatedApiVersion, osType, operatingSystem, kernelVersion,
                rootless, dockerDesktop, runtimes, defaultRuntime, cdiSpecDirs, cdiDevices, cgroupDriver,
                cgroupVersion, gpuPath, gpuPathDetail, Product.DOCKER);
    }

    /** Whether Podman serves this API. */
    public boolean podman() {
        return product == Product.PODMAN;
    }

    /** Which engine serves the Docker Engine API. JSON: lower case. */
    public enum Product {
        /** Docker Engine (moby), Docker Desktop included. */
        DOCKER,
        /**
         * Podman's Docker-compatible API ({@code podman system service}), recognised by the {@code "Podman Engine"}
         * component of its {@code /version}. It ignores {@code --gpus} device requests; from 5.4 it honours
         * {@code Driver: "cdi"} ones.
         */
        PODMAN;

        /** The JSON form. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How an engine can serve a GPU request. JSON: lower-case with dashes. */
    public enum GpuPath {
        /** An {@code nvidia} runtime is registered (NVIDIA Container Toolkit). */
        NVIDIA_RUNTIME,
        /** NVIDIA CDI devices are discovered (or a spec is present and CDI is on). */
        CDI,
        /** A probe container with {@code --gpus all} started (opt-in). */
        VERIFIED,
        /** None of the above: a {@code --gpus} request will fail. */
        NONE;

        /** The JSON form. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
