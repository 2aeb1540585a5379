package io.github.gpuenv.wsl;

import java.util.Locale;

/**
 * Why WSL cannot run distributions, as {@code wsl.exe --status} (its exit code and output) shows it. JSON form:
 * {@link #id()}.
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
    WSL1_DISABLED("wsl.exe --install --enable-wsl1 (only needed for WSL 1 distributions)");

    private final String remedy;

    WslProblem(String remedy) {
        this.remedy = remedy;
    }

    /** The JSON form: {@code "not-installed"}, {@code "kernel-missing"}, {@code "vmp-disabled"}, {@code "wsl1-disabled"}. */
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
}
