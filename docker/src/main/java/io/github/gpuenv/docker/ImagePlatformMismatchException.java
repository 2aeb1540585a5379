package io.github.gpuenv.docker;

/**
 * Preflight refused an image built for another platform than the engine's: another operating system (the engine
 * cannot run it at all), or another CPU architecture while GPUs are requested (the NVIDIA driver libraries a
 * container gets are the host's architecture and cannot load in the image's processes, not even under emulation).
 * Nothing was created.
 *
 * <p>{@code catch (ImagePlatformMismatchException e) { System.err.println(e.remedy()); }}
 */
public class ImagePlatformMismatchException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    /**
     * @param attempted what was being done
     * @param message the image's platform and the engine's
     * @param remedy how to get the image for the engine's platform
     */
    public ImagePlatformMismatchException(String attempted, String message, String remedy) {
        super(attempted, message, remedy, null);
    }
}
