package io.github.gpuenv.docker;

/**
 * The calling thread was interrupted while a container ran (the container was killed and removed), while one was
 * started detached (it was removed), or while waiting on a detached one (it still runs); the thread's interrupt flag
 * is set again.
 *
 * <p>{@code catch (ContainerInterruptedException e) { return; // Thread.currentThread().isInterrupted() is true }}
 */
public class ContainerInterruptedException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public ContainerInterruptedException(String attempted, String message, Throwable cause) {
        super(attempted, message, "", cause);
    }
}
