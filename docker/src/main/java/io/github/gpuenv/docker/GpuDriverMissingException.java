package io.github.gpuenv.docker;

/**
 * The engine has no NVIDIA device driver for a {@code --gpus} request: {@code could not select device driver "" with capabilities: [[gpu]]} (catalogue D1). dockerd registers that driver only when {@code nvidia-container-runtime-hook} (or {@code nvidia-cdi-hook}) was on its PATH at start: the toolkit is missing, dockerd was not restarted since it was installed, or Docker is a snap.
 *
 * <p>{@code catch (GpuDriverMissingException e) { System.err.println(e.remedy()); }}
 */
public class GpuDriverMissingException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public GpuDriverMissingException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
