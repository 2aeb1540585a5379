package io.github.gpuenv.docker;

/**
 * The container ran past {@link RunOptions#timeout()} (it was killed and removed), or a detached container did not
 * meet a {@link GpuContainer#waitUntil} condition in time (it still runs).
 *
 * <p>{@code catch (ContainerTimeoutException e) { System.err.println(e.remedy()); }}
 */
public class ContainerTimeoutException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public ContainerTimeoutException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
