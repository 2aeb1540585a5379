package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import io.github.gpuenv.docker.CdiDeviceUnresolvableException;
import io.github.gpuenv.docker.CudaRequirementUnsatisfiedException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.GpuDriverMissingException;
import io.github.gpuenv.docker.ImageNotFoundException;
import io.github.gpuenv.docker.RegistryUnreachableException;
import io.github.gpuenv.docker.NvidiaContainerCliException;
import io.github.gpuenv.docker.NvidiaRuntimeMissingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemon's real texts: diagnosis-catalogue.md and the H200 toolkit capture (h200-toolkit/README.md). */
class DaemonErrorMapperTest {

    private static DockerGpuException map(String text) {
        return DaemonErrorMapper.map("start container x", text, null);
    }

    /** Real texts of Engines 20.10 and 26.1 (2026-12, this machine) for the workload options' failures. */
    @Test
    void workloadFailuresNameTheirRemedy() {
        assertThat(map("failed to create task for container: failed to create shim task: OCI runtime create failed:"
                + " runc create failed: unable to start container process: error during container init: error setting"
                + " rlimits for ready process: error setting rlimit type 8: operation not permitted: unknown").remedy())
                .contains("LimitMEMLOCK");
        assertThat(map("Conflict. The container name \"/gpuenv-wl-probe\" is already in use by container"
                + " \"193947b81ee5\". You have to remove (or rename) that container to be able to reuse that name.")
                .remedy()).contains("another name");
        // Podman 5.4.2's compat API, this machine, 2026-12
        assertThat(map("container create: creating container storage: the container name \"gpuenv-wl-1d5e67de\" is"
                + " already in use by 16d0de8e1ed3. You have to remove that container to be able to reuse that name:"
                + " that name is already in use").remedy()).contains("another name");
        assertThat(map("driver failed programming external connectivity on endpoint sweet_wing (453a7215d04b): Bind for"
                + " 127.0.0.1:39123 failed: port is already allocated").remedy()).contains("let the engine pick");
    }

    @Test
    void d1NoDeviceDriver() {
        DockerGpuException e = map("could not select device driver \"\" with capabilities: [[gpu]]");
        assertThat(e).isInstanceOf(GpuDriverMissingException.class);
        assertThat(e.remedy()).contains("nvidia-ctk runtime configure --runtime=docker").contains("snap");
        assertThat(e.getMessage()).contains("could not select device driver \"\" with capabilities: [[gpu]]");
        assertThat(map("could not select device driver \"nvidia\" with capabilities: [[compute utility]]"))
                .isInstanceOf(GpuDriverMissingException.class);
        assertThat(e.attempted()).isEqualTo("start container x");
    }

    @Test
    void d2NoRuntime() {
        assertThat(map("unknown or invalid runtime name: nvidia")).isInstanceOf(NvidiaRuntimeMissingException.class)
                .extracting(DockerGpuException::remedy).asString().contains("nvidia-ctk runtime configure");
    }

    @Test
    void nvidiaContainerCliFamily() {
        assertThat(map("OCI runtime create failed: container_linux.go:380: starting container process caused:"
                + " process_linux.go:545: container init caused: Running hook #0:: error running hook: exit status 1,"
                + " stdout: , stderr: nvidia-container-cli: initialization error: load library failed:"
                + " libnvidia-ml.so.1: cannot open shared object file: no such file or directory: unknown"))
                .isInstanceOf(NvidiaContainerCliException.class).extracting(DockerGpuException::remedy).asString()
                .contains("ldconfig");
        assertThat(map("nvidia-container-cli: initialization error: WSL environment detected but no adapters were"
                + " found: unknown").remedy()).contains("wsl --set-version");
        assertThat(map("nvidia-container-cli: initialization error: driver error: failed to process request")
                .remedy()).contains("update Windows");
        assertThat(map("nvidia-container-cli: initialization error: nvml error: insufficient permissions").remedy())
                .contains("/dev/nvidia*");
        assertThat(map("nvidia-container-cli: initialization error: nvml error: driver not loaded").remedy())
                .contains("modprobe nvidia");
        assertThat(map("nvidia-container-cli: initialization error: driver rpc error: timed out").remedy())
                .contains("persistence");
        assertThat(map("nvidia-container-cli: mount error: write error: /sys/fs/cgroup/devices/docker/x/devices.allow:"
                + " operation not permitted").remedy()).contains("1.8.0");
    }

    @Test
    void h200LegacyHookWithoutCli() {
        String text = "OCI runtime create failed: runc create failed: unable to start container process: error during"
                + " container init: error running hook #0: error running hook: exit status 1, stdout: , stderr:"
                + " Auto-detected mode as 'legacy'\ncouldn't find binary nvidia-container-cli in PATH: exec:"
                + " \"nvidia-container-cli\": executable file not found in $PATH: unknown";
        DockerGpuException e = map(text);
        assertThat(e).isInstanceOf(NvidiaContainerCliException.class);
        assertThat(e.remedy()).contains("libnvidia-container-tools").contains("nvidia runtime");
    }

    @Test
    void h200UnknownUuid() {
        assertThat(map("OCI runtime create failed: could not apply required modification to OCI specification: error"
                + " modifying OCI spec: failed to create the automatic CDI modifier: failed to generate CDI spec for"
                + " mode \"auto\": failed to construct device spec generators: failed to get device handle from UUID:"
                + " Not Found: unknown")).isInstanceOf(NvidiaContainerCliException.class)
                .extracting(DockerGpuException::remedy).asString().contains("nvidia-smi -L");
    }

    @Test
    void cdiCudaImageApi() {
        assertThat(map("CDI device injection failed: unresolvable CDI devices nvidia.com/gpu=all"))
                .isInstanceOf(CdiDeviceUnresolvableException.class);
        assertThat(map("OCI runtime create failed: nvidia-container-cli: requirement error: unsatisfied condition:"
                + " cuda>=12.4, please update your driver to a newer version"))
                .isInstanceOf(CudaRequirementUnsatisfiedException.class);
        assertThat(map("No such image: nvidia/cuda:99")).isInstanceOf(ImageNotFoundException.class);
        assertThat(map("pull access denied for nosuch/image, repository does not exist or may require 'docker login'"))
                .isInstanceOf(ImageNotFoundException.class);
        assertThat(map("manifest for 127.0.0.1:5000/gpuenv/busybox:nosuch not found: manifest unknown: manifest unknown"))
                .isInstanceOf(ImageNotFoundException.class);
        assertThat(map("client version 1.32 is too old. Minimum supported API version is 1.44, please upgrade your"
                + " client to a newer version")).isInstanceOf(DockerUnavailableException.class);
    }

    /**
     * Real texts: {@code docker pull} on this project's Engines 20.10.24 and 26.1.5 without network (CI machine,
     * 2026-12-02) — a registry that DNS cannot resolve, and one that refuses the connection.
     */
    @Test
    void anUnreachableRegistryIsItsOwnTypeWithAnOfflineRemedy() {
        for (String text : List.of("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io"
                + " on 10.255.255.53:53: no such host", "Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect:"
                + " connection refused", "Get \"https://ghcr.io/v2/\": net/http: TLS handshake timeout")) {
            assertThat(map(text)).as(text).isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining(text).hasMessageContaining("docker load");
        }
        assertThat(map("pull access denied for nope, repository does not exist or may require 'docker login'"))
                .isInstanceOf(ImageNotFoundException.class);
        assertThat(map("dial tcp 10.0.0.1:2376: connect: connection refused")).as("not about a registry")
                .isNotInstanceOf(RegistryUnreachableException.class);
    }

    @Test
    void unknownTextStaysTheDaemons() {
        DockerGpuException e = map("something new");
        assertThat(e.getClass()).isEqualTo(DockerGpuException.class);
        assertThat(e.getMessage()).contains("something new");
    }

    @Test
    void daemonTextUnwrapsDockerJavasMessage() {
        InternalServerErrorException e = new InternalServerErrorException(
                "Status 500: {\"message\":\"could not select device driver \\\"\\\" with capabilities: [[gpu]]\"}\n");
        assertThat(DaemonErrorMapper.daemonText(e)).isEqualTo("could not select device driver \"\" with capabilities: [[gpu]]");
        assertThat(DaemonErrorMapper.daemonText(new RuntimeException("plain"))).isEqualTo("plain");
    }
}
