package io.github.gpuenv.internal.host;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link WindowsRegistry} through JNA's {@code Advapi32Util} (jna-platform). Created only on Windows
 * ({@link #onWindows()}), so the native library is never touched elsewhere. Reads {@code HKEY_LOCAL_MACHINE};
 * every failure (missing value, wrong type, access denied, native error) is empty.
 */
final class JnaWindowsRegistry implements WindowsRegistry {

    private JnaWindowsRegistry() {
    }

    /** The registry of this machine when the JVM really runs on Windows, else empty. */
    static Optional<WindowsRegistry> onWindows() {
        return Platform.isWindows() ? Optional.of(new JnaWindowsRegistry()) : Optional.empty();
    }

    @Override
    public Optional<String> string(String key, String value) {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)) {
                return Optional.empty();
            }
            return Optional.ofNullable(Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, value));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public OptionalInt dword(String key, String value) {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, value));
        } catch (RuntimeException | LinkageError e) {
            return OptionalInt.empty();
        }
    }
}
