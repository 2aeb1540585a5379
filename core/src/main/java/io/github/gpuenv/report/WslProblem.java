package io.github.gpuenv.report;

import io.github.gpuenv.config.ConfigKey;
import java.util.Locale;

/**
 * Why WSL cannot run distributions, as {@code wsl.exe --status} (its exit code and output) shows it — the {@code wslHost} fact's
 * {@link WslHost#problem()} and {@code Wsl.status()}'s — or why
 * {@code wsl.exe} cannot be run from here at all ({@link #NOT_APPLICABLE}, {@link #INTEROP_DISABLED},
 * {@link #WSL_EXE_NOT_FOUND}: nothing was run). JSON form: {@link #id()}.
 *
 * <p>{@code wsl.status().problem().ifPresent(p -> System.out.println(p.remedy()));}
 */
public enum WslProblem {
    /** WSL is not installed (exit code 50, or no {@code wsl.exe}). */
    NOT_INSTALLED("wsl.exe --install"),
    /** The WSL 2 kernel is missing (exit code {@code 0xFFFFFE44}). */
    KERNEL_MISSING("wsl.exe --update"),
    /** The Virtual Machine Platform optional component is off, or virtualization is disabled in the firmware. */
    VMP_DISABLED("wsl.exe --install --no-distribution (as administrator), enable virtualization in the BIOS/UEFI, reboot"),
    /** The "Windows Subsystem for Linux" optional component is off, so WSL 1 cannot run (WSL 2 may still work). */
    WSL1_DISABLED("wsl.exe --install --enable-wsl1 (only needed for WSL 1 distributions)"),
    /** Neither Windows nor inside WSL: {@code wsl.exe} is a Windows program and there is none to run here. */
    NOT_APPLICABLE("run gpuenv on Windows, or inside a WSL distribution with interop enabled"),
    /** Inside WSL with interop disabled: {@code wsl.exe} (any Windows program) cannot be run from here. */
    INTEROP_DISABLED("set [interop] enabled=true in /etc/wsl.conf and run `wsl.exe --shutdown` from Windows, or run"
            + " gpuenv on the Windows side"),
    /** Inside WSL with interop, but {@code wsl.exe} is neither on {@code PATH} nor in {@code /mnt/c/Windows/System32}. */
    WSL_EXE_NOT_FOUND("set " + ConfigKey.WSL_EXE.variable() + " to wsl.exe's path as this distribution sees it, or"
            + " set appendWindowsPath=true in /etc/wsl.conf");

    private final String remedy;

    WslProblem(String remedy) {
        this.remedy = remedy;
    }

    /**
     * The JSON form: {@code "not-installed"}, {@code "kernel-missing"}, {@code "vmp-disabled"}, {@code "wsl1-disabled"},
     * {@code "not-applicable"}, {@code "interop-disabled"}, {@code "wsl-exe-not-found"}.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return switch (this) {
            case VMP_DISABLED -> "vmp-disabled";
            case WSL1_DISABLED -> "wsl1-disabled";
            default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** The command that fixes it. */
    public String remedy() {
        return remedy;
    }

    /** Whether this problem means there is no {@code wsl.exe} to run here, so nothing was run. */
    public boolean ranNothing() {
        return this == NOT_APPLICABLE || this == INTEROP_DISABLED || this == WSL_EXE_NOT_FOUND;
    }
}
