package io.github.gpuenv.docker;

/**
 * Preflight refused a GPU selection that the engine's host cannot serve: an index or UUID it has no GPU for, a
 * count above the GPUs it has, a MIG device on a GPU without MIG. Nothing was created; the message lists the host's
 * GPUs ({@code 0: NVIDIA H200 GPU-3c9660b5-…}) and the remedy names a selection that exists.
 *
 * <p>{@code catch (GpuSelectionInvalidException e) { System.err.println(e.getMessage()); }}
 */
public class GpuSelectionInvalidException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    /**
     * @param attempted what was being done, e.g. {@code "preflight of a run of nvidia/cuda:12.4.1-base-ubuntu22.04"}
     * @param message what is wrong, with the host's GPUs
     * @param remedy what to request instead
     */
    public GpuSelectionInvalidException(String attempted, String message, String remedy) {
        super(attempted, message, remedy, null);
    }
}
