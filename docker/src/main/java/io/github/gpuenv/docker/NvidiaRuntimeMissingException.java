package io.github.gpuenv.docker;

/**
 * The container asked for the {@code nvidia} runtime, and the engine has none: {@code unknown or invalid runtime name: nvidia} (catalogue D2).
 *
 * <p>{@code catch (NvidiaRuntimeMissingException e) { System.err.println(e.remedy()); }}
 */
public class NvidiaRuntimeMissingException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public NvidiaRuntimeMissingException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
