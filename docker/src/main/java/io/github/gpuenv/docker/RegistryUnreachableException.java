package io.github.gpuenv.docker;

/**
 * The Docker Engine could not reach the image's registry (no network, DNS, a proxy or firewall in the way), so the
 * image could not be pulled. The remedy says how to bring the image without network, or which local image to use.
 *
 * <p>{@code catch (RegistryUnreachableException e) { System.err.println(e.remedy()); }}
 */
public class RegistryUnreachableException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public RegistryUnreachableException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
