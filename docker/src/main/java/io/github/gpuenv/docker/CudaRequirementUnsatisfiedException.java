package io.github.gpuenv.docker;

/**
 * The image requires a newer CUDA than the host driver supports: {@code requirement error: unsatisfied condition: cuda>=…} (from the image's {@code NVIDIA_REQUIRE_CUDA}).
 *
 * <p>{@code catch (CudaRequirementUnsatisfiedException e) { System.err.println(e.remedy()); }}
 */
public class CudaRequirementUnsatisfiedException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public CudaRequirementUnsatisfiedException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
