package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.CdiDeviceUnresolvableException;
import io.github.gpuenv.docker.CudaRequirementUnsatisfiedException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.GpuDriverMissingException;
import io.github.gpuenv.docker.ImageNotFoundException;
import io.github.gpuenv.docker.NvidiaContainerCliException;
import io.github.gpuenv.docker.NvidiaRuntimeMissingException;
import io.github.gpuenv.docker.RegistryUnreachableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The one place the Docker daemon's error text becomes a typed exception with a remedy. Matches stable tokens of
 * the real texts (see {@code diagnosis-catalogue.md}: D1 {@code could not select device driver}, D2
 * {@code unknown or invalid runtime name}, the {@code nvidia-container-cli} family, CDI, CUDA requirement, image
 * not found), never whole sentences.
 *
 * <p>{@code throw DaemonErrorMapper.map("start container 3f2a…", DaemonErrorMapper.daemonText(e), e);}
 */
public final class DaemonErrorMapper {

    static final String TOOLKIT_REMEDY = "install the NVIDIA Container Toolkit (nvidia-container-toolkit), run"
            + " `sudo nvidia-ctk runtime configure --runtime=docker` and restart Docker (`sudo systemctl restart"
            + " docker`); Docker installed as a snap cannot use it: use the apt/dnf package of Docker";

    private static final List<CliCase> CLI_CASES = List.of(
            new CliCase("load library failed", "the host's NVIDIA driver libraries (libnvidia-ml.so.1) are missing"
                    + " or not in the ldcache", "install or repair the NVIDIA driver and run `sudo ldconfig`; on"
                    + " Windows/WSL install the NVIDIA Windows driver"),
            new CliCase("wsl environment detected but no adapters were found", "WSL exposes no GPU adapter",
                    "use WSL 2 (`wsl --set-version <distro> 2`), install or update the NVIDIA Windows driver,"
                    + " `wsl --update`, then `wsl --shutdown`"),
            new CliCase("driver error: failed to process request", "the WSL GPU stack is too old",
                    "update Windows (11, or 10 21H2+), the NVIDIA driver and the NVIDIA Container Toolkit"),
            new CliCase("insufficient permissions", "the NVIDIA device nodes' permissions were changed",
                    "restore the permissions of /dev/nvidia* (crw-rw-rw-), e.g. reload the driver or reboot"),
            new CliCase("driver not loaded", "the NVIDIA kernel module is not loaded",
                    "`sudo modprobe nvidia` or reboot; on WSL update the toolkit and the Windows driver"),
            new CliCase("timed out", "the NVIDIA driver did not answer in time",
                    "enable persistence (`sudo nvidia-smi -pm 1` or run nvidia-persistenced) and retry"),
            new CliCase("devices.allow", "an old libnvidia-container cannot manage cgroup v2 devices",
                    "upgrade the NVIDIA Container Toolkit (1.8.0 or newer supports cgroup v2)"),
            new CliCase("cgroup subsystem devices not found", "an old libnvidia-container cannot manage cgroup v2"
                    + " devices", "upgrade the NVIDIA Container Toolkit (1.8.0 or newer supports cgroup v2)"),
            new CliCase("find binary nvidia-container-cli", "the toolkit's hook runs in legacy mode and needs"
                    + " libnvidia-container's nvidia-container-cli, which is not installed",
                    "install libnvidia-container-tools, or use the nvidia runtime (`sudo nvidia-ctk runtime"
                    + " configure --runtime=docker`; gpuenv then sets Runtime nvidia) or CDI (`--attach cdi`)"),
            new CliCase("failed to get device handle", "a requested GPU does not exist on this host",
                    "list the GPUs with `nvidia-smi -L` and request an index or UUID from that list"),
            new CliCase("file exists", "the image already contains a driver library the toolkit mounts",
                    "do not bake NVIDIA driver libraries into the image"));

    private DaemonErrorMapper() {
    }

    /** The typed exception for a daemon error, with {@code daemonText} as what the daemon said. */
    public static DockerGpuException map(String attempted, String daemonText, Throwable cause) {
        String text = daemonText == null ? "" : daemonText.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("could not select device driver")) {
            return new GpuDriverMissingException(attempted, "the Docker Engine has no NVIDIA device driver for a"
                    + " --gpus request: " + text, TOOLKIT_REMEDY, cause);
        }
        if (lower.contains("unknown or invalid runtime name")) {
            return new NvidiaRuntimeMissingException(attempted, "the Docker Engine has no such runtime: " + text,
                    "`sudo nvidia-ctk runtime configure --runtime=docker` and restart Docker (rootless: add"
                    + " --config=$HOME/.config/docker/daemon.json); or use --gpus without --runtime", cause);
        }
        if (lower.contains("unresolvable cdi devices") || lower.contains("cdi device injection failed")) {
            return new CdiDeviceUnresolvableException(attempted, "the Docker Engine could not resolve the CDI"
                    + " devices: " + text, "generate a CDI spec into a directory the engine reads (`sudo nvidia-ctk"
                    + " cdi generate --output=/etc/cdi/nvidia.yaml` or `gpuenv cdi generate`), enable CDI"
                    + " (\"features\": {\"cdi\": true} in daemon.json, Engine 25+; Podman 5.4 reads /etc/cdi and"
                    + " /var/run/cdi) and check the name with `nvidia-ctk cdi list`", cause);
        }
        if (lower.contains("requirement error") && lower.contains("cuda")) {
            return new CudaRequirementUnsatisfiedException(attempted, "the image needs a newer CUDA than the host"
                    + " driver supports: " + text, "upgrade the NVIDIA driver, or use an image built for an older"
                    + " CUDA (its NVIDIA_REQUIRE_CUDA must be met by the driver's CUDA version)", cause);
        }
        if (lower.contains("nvidia-container-cli") || lower.contains("nvidia-container-runtime")
                || lower.contains("failed to get device handle")) {
            for (CliCase c : CLI_CASES) {
                if (lower.contains(c.token())) {
                    return new NvidiaContainerCliException(attempted, c.cause() + ": " + text, c.remedy(), cause);
                }
            }
            return new NvidiaContainerCliException(attempted, "the NVIDIA Container Toolkit failed to set up the"
                    + " container: " + text, "run `nvidia-container-cli -k -d /dev/tty info` on the Docker host"
                    + " for details, and check the NVIDIA driver with `nvidia-smi`", cause);
        }
        if (lower.contains("no such image") || lower.contains("manifest unknown") || lower.contains("pull access denied")
                || lower.contains("repository does not exist") || lower.contains("not found: manifest")
                || lower.contains("manifest for ") && lower.contains("not found")) {
            return new ImageNotFoundException(attempted, "image not found: " + text, "check the image name and tag;"
                    + " for a private registry log in first (`docker login <registry>`: gpuenv uses the same"
                    + " credentials)", cause);
        }
        if (isRegistryUnreachable(lower)) {
            return new RegistryUnreachableException(attempted, "the Docker Engine cannot reach the registry: " + text,
                    "pull the image where there is network and bring it here (`docker save IMAGE | docker load` on"
                    + " this engine), configure the daemon's proxy (HTTP_PROXY/HTTPS_PROXY in its service), or use"
                    + " an image the engine already has (`docker images`)", cause);
        }
        if (lower.contains("is too old") && lower.contains("client version")) {
            return new DockerUnavailableException(DockerUnavailableException.Kind.PROTOCOL, "", attempted,
                    "the Docker Engine rejected the API version: " + text, "use a newer gpuenv (it negotiates the"
                    + " version), or set DOCKER_API_VERSION / api.version=1.44", cause);
        }
        if (lower.contains("error setting rlimit")) {
            return new DockerGpuException(attempted, "the engine may not set a --ulimit above its own hard limit: "
                    + text, "lower the ulimit to the engine's limit (`grep -i locked /proc/$(pidof dockerd)/limits`),"
                    + " or raise dockerd's (LimitMEMLOCK=infinity, LimitSTACK=infinity in its systemd unit, then"
                    + " `systemctl daemon-reload && systemctl restart docker`)", cause);
        }
        if (lower.contains("name") && lower.contains("is already in use")) {
            return new DockerGpuException(attempted, "the container name is taken: " + text, "choose another name,"
                    + " or remove that container (`docker rm -f NAME`)", cause);
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return new DockerGpuException(attempted, "the host port is taken: " + text, "publish on another host"
                    + " port, or let the engine pick one (-p 8000, PortBinding.tcp(8000)) and read it back with"
                    + " GpuContainer.hostPort(8000)", cause);
        }
        return new DockerGpuException(attempted, "the Docker daemon failed: " + text, "", cause);
    }

    /**
     * The daemon's message inside a docker-java exception ({@code "Status 500: {\"message\":\"…\"}"}), unescaped;
     * the exception's message when it has no JSON body.
     */
    public static String daemonText(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        int brace = message.indexOf('{');
        if (brace >= 0) {
            String fromJson = EngineJsonParser.errorMessage(message.substring(brace).strip()
                    .getBytes(StandardCharsets.UTF_8));
            if (!fromJson.startsWith("{")) {
                return fromJson;
            }
        }
        return message.strip();
    }

    /**
     * The daemon's registry client failed to connect: {@code Get "https://registry-1.docker.io/v2/": dial tcp: lookup
     * registry-1.docker.io on 10.255.255.53:53: no such host}, {@code … dial tcp 127.0.0.1:1: connect: connection
     * refused} (Engines 20.10 and 26.1 offline), timeouts and TLS handshake timeouts on the way.
     */
    private static boolean isRegistryUnreachable(String lower) {
        boolean registryRequest = lower.contains("/v2/") || lower.contains("registry");
        boolean network = lower.contains("dial tcp") || lower.contains("no such host")
                || lower.contains("connection refused") || lower.contains("i/o timeout")
                || lower.contains("network is unreachable") || lower.contains("tls handshake timeout")
                || lower.contains("request canceled while waiting for connection")
                || lower.contains("client.timeout exceeded");
        return registryRequest && network;
    }

    private record CliCase(String token, String cause, String remedy) {
    }
}
