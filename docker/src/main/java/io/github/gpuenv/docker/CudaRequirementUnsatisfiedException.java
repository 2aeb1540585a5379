package io.github.gpuenv.docker;

/**
 * The image requires a newer CUDA than the host driver supports: {@code requirement error: unsatisfied condition:
 * cuda>=…} (from the image's {@code NVIDIA_REQUIRE_CUDA}). Thrown when the NVIDIA Container Toolkit refuses the
 * container at start, and by preflight before anything is created (an {@code NVIDIA_REQUIRE_*} or legacy
 * {@code CUDA_VERSION} constraint that the driver or the selected GPUs do not meet, checked in CDI mode too, where
 * the toolkit does not enforce it).
 *
 * <p>{@code catch (CudaRequirementUnsatisfiedException e) { System.err.println(e.remedy()); }}
 */
public class CudaRequirementUnsatisfiedException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    /**
     * @param attempted what was being done
     * @param message the unmet condition and what the host has
     * @param remedy what to change (the driver, the image, or the requirement)
     * @param cause the daemon's error, or null (preflight)
     */
    public CudaRequirementUnsatisfiedException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
