package io.github.gpuenv.docker;

/**
 * The engine would silently ignore the GPU request, so gpuenv refused it before creating anything: Podman's
 * Docker-compatible API drops every {@code --gpus}-style device request (the container starts with no GPU and no
 * error), and before Podman 5.4 every {@code Driver: "cdi"} one too. The remedy names the request that works there
 * (CDI devices, {@link Attach#CDI}).
 *
 * <p>{@code catch (GpuRequestIgnoredException e) { System.err.println(e.remedy()); }}
 */
public class GpuRequestIgnoredException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public GpuRequestIgnoredException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
