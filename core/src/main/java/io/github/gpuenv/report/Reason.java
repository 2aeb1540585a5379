package io.github.gpuenv.report;

import io.github.gpuenv.DetectOptions;
import java.util.Locale;

/**
 * Why a fact is unknown. Every unknown carries one, plus a detail sentence; "known and empty" always means
 * "looked, found none" and is never used for "could not tell".
 */
public enum Reason {
    /** The fact does not apply to this machine (WSL facts on macOS, Windows build on Linux). */
    NOT_APPLICABLE,
    /** What the probes look for (library, command, file, socket) is not there. */
    NOT_FOUND,
    /** The gpuenv module that supplies the fact is not on the classpath. */
    MODULE_ABSENT,
    /** The operating system refused access (file mode, socket group, NVML no-permission). */
    PERMISSION_DENIED,
    /** A probe or the whole detection ran past its time limit. */
    TIMED_OUT,
    /** A command ran and failed (non-zero exit, or a library call returned an error). */
    COMMAND_FAILED,
    /** Output was there but not in a form gpuenv recognises. */
    UNRECOGNIZED_OUTPUT,
    /** The NVIDIA kernel driver is not loaded (NVML_ERROR_DRIVER_NOT_LOADED). */
    DRIVER_NOT_LOADED,
    /** The NVML library and the kernel driver are of different versions (a reboot is usually due). */
    LIBRARY_VERSION_MISMATCH,
    /**
     * The probe was switched off by {@link DetectOptions.Builder#skipProbe(String)}, or not run under a fixture root
     * (a root other than {@code /}: its command was not run, or it reads the live machine and the capture recorded no
     * answer for it); the detail says which.
     */
    SKIPPED,
    /** A probe failed in a way gpuenv did not expect (a bug: please report it with {@code gpuenv capture}). */
    PROBE_ERROR;

    /** The JSON form: lower-case with dashes, e.g. {@code "module-absent"}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
