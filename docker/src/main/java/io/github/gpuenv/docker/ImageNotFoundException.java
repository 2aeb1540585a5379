package io.github.gpuenv.docker;

/**
 * The image is not present and could not (or, under {@link PullPolicy#NEVER}, may not) be pulled: the name is wrong, the registry does not have it, or access was denied.
 *
 * <p>{@code catch (ImageNotFoundException e) { System.err.println(e.remedy()); }}
 */
public class ImageNotFoundException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
