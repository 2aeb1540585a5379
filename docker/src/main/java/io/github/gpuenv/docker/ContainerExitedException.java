package io.github.gpuenv.docker;

/**
 * A detached container exited while gpuenv waited for it to become ready ({@link GpuContainer#waitUntil}); the
 * message has its exit code and its last lines of output. The container is left as it is (exited, not removed):
 * its logs can still be read, and {@link GpuContainer#close()} removes it.
 *
 * <p>{@code catch (ContainerExitedException e) { System.err.println("exit " + e.exitCode()); }}
 */
public class ContainerExitedException extends DockerGpuException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ContainerExitedException(String attempted, String message, String remedy, int exitCode, Throwable cause) {
        super(attempted, message, remedy, cause);
        this.exitCode = exitCode;
    }

    /** The container's exit code. */
    public int exitCode() {
        return exitCode;
    }
}
