package io.github.gpuenv.docker;

/**
 * The NVIDIA Container Toolkit's {@code nvidia-container-cli} (or the runtime hook) failed while preparing the container (catalogue D3, D4, D7, D8, D12, D13, D14, and a hook that is missing its CLI). {@link #remedy()} names the fix for the specific token.
 *
 * <p>{@code catch (NvidiaContainerCliException e) { System.err.println(e.remedy()); }}
 */
public class NvidiaContainerCliException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public NvidiaContainerCliException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
