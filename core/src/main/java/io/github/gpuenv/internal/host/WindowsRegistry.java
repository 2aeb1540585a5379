package io.github.gpuenv.internal.host;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The seam through which gpuenv reads the Windows registry ({@code HKEY_LOCAL_MACHINE} only). The real one is
 * {@link JnaWindowsRegistry}, used only on Windows; tests give recorded values.
 *
 * <p>{@code registry.string("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber")}
 *
 * <p>Implementations never throw: a missing key or value, a value of another type, or no registry at all is
 * empty.
 */
public interface WindowsRegistry {

    /** A {@code REG_SZ} / {@code REG_EXPAND_SZ} value under {@code HKLM\key}, or empty. */
    Optional<String> string(String key, String value);

    /** A {@code REG_DWORD} value under {@code HKLM\key}, or empty. */
    OptionalInt dword(String key, String value);
}
