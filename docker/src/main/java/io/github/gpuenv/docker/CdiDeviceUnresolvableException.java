package io.github.gpuenv.docker;

/**
 * A CDI device name did not resolve: {@code CDI device injection failed: unresolvable CDI devices …} — no spec in the engine's CDI directories defines it, or CDI is off.
 *
 * <p>{@code catch (CdiDeviceUnresolvableException e) { System.err.println(e.remedy()); }}
 */
public class CdiDeviceUnresolvableException extends DockerGpuException {

    private static final long serialVersionUID = 1L;

    public CdiDeviceUnresolvableException(String attempted, String message, String remedy, Throwable cause) {
        super(attempted, message, remedy, cause);
    }
}
