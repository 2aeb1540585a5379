package io.github.gpuenv.docker;

import io.github.gpuenv.GpuEnvException;

/**
 * The base of what {@link DockerGpu} throws: a Docker Engine operation failed. Subclasses name the conditions
 * users hit (see {@code diagnosis-catalogue.md}); this class itself is a daemon error gpuenv has no name for, with
 * the daemon's own text.
 *
 * <p>{@code try { gpu.run(options); } catch (DockerGpuException e) { System.err.println(e.getMessage()); }}
 */
public class DockerGpuException extends GpuEnvException {

    private static final long serialVersionUID = 1L;

    public DockerGpuException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
