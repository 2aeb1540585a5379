package io.github.gpuenv.cdi;

import io.github.gpuenv.GpuEnvException;

/**
 * The host has no usable NVIDIA driver to give a container: no driver files at all, a loaded kernel module without
 * its user-space libraries, or libraries without device nodes. The message says which; the remedy says what to do.
 *
 * <p>{@code try { GpuInjection.discover(options); } catch (NvidiaDriverNotInstalledException e) { show(e.remedy()); }}
 */
public class NvidiaDriverNotInstalledException extends GpuEnvException {

    private static final long serialVersionUID = 1L;

    public NvidiaDriverNotInstalledException(String attempted, String message, String remedy) {
        super(attempted, message, remedy);
    }
}
