package io.github.gpuenv.cdi;

import io.github.gpuenv.GpuEnvException;

/**
 * The loaded NVIDIA kernel module and the user-space driver libraries are different versions (typically a driver
 * upgrade without a reboot): a container given these libraries would fail with "Driver/library version mismatch".
 *
 * <p>{@code catch (DriverVersionMismatchException e) { log.error("{}", e.getMessage()); }}
 */
public class DriverVersionMismatchException extends GpuEnvException {

    private static final long serialVersionUID = 1L;
    private final String moduleVersion;
    private final String libraryVersion;

    public DriverVersionMismatchException(String attempted, String moduleVersion, String libraryVersion, String where) {
        super(attempted, "the loaded NVIDIA kernel module is " + moduleVersion + " but the driver libraries in "
                        + where + " are " + libraryVersion,
                "reboot (or unload and reload the nvidia kernel modules) so that the module matches the installed "
                        + "driver, or reinstall driver " + moduleVersion);
        this.moduleVersion = moduleVersion;
        this.libraryVersion = libraryVersion;
    }

    /** The loaded kernel module's version, e.g. {@code "580.159.04"}. */
    public String moduleVersion() {
        return moduleVersion;
    }

    /** The version of the libraries found, e.g. {@code "570.86.10"}. */
    public String libraryVersion() {
        return libraryVersion;
    }
}
