package io.github.gpuenv.wsl.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language-independent parts of {@code wsl.exe} failures: the {@code Wsl/Service/…} error code it prints after
 * the (localized) sentence, HRESULTs such as {@code 0x80370102}, and its exit codes. gpuenv recognises failures by
 * these, never by the sentence. Pure.
 *
 * <p>{@code WslErrorCode.find(stderr).map(WslErrorCode::kind)}
 *
 * @param code the whole code, e.g. {@code "Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_SERVICE_NOT_AVAILABLE"}
 */
public record WslErrorCode(String code) {

    /** {@code wsl.exe}'s exit code when WSL is not installed (rancher-desktop {@code version_windows.go}). */
    public static final int EXIT_NOT_INSTALLED = 50;
    /** {@code wsl.exe}'s exit code when the WSL 2 kernel is missing: {@code 0xFFFFFE44} as a signed int. */
    public static final int EXIT_KERNEL_MISSING = 0xFFFFFE44;
    /** {@code wsl.exe}'s own failure exit code (-1; 255 when seen through WSL interop from Linux). */
    public static final int EXIT_WSL_FAILURE = -1;

    private static final Pattern CODE = Pattern.compile("\\b(?:Wsl|Bash)/[A-Za-z0-9_/]+");
    private static final Pattern HRESULT = Pattern.compile("\\b0x8037[0-9A-Fa-f]{4}\\b");

    /** What a code means for gpuenv. */
    public enum Kind {
        DISTRO_NOT_FOUND,
        NO_DISTRIBUTIONS,
        VIRTUALIZATION_DISABLED,
        USER_NOT_FOUND,
        OTHER
    }

    /** The last {@code Wsl/…} code in {@code text}, or an {@code 0x8037xxxx} HRESULT when there is none. */
    public static Optional<WslErrorCode> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            Matcher h = HRESULT.matcher(text);
            if (h.find()) {
                last = h.group().toLowerCase(Locale.ROOT);
            }
        }
        return Optional.ofNullable(last).map(WslErrorCode::new);
    }

    /** The last path segment, e.g. {@code "HCS_E_SERVICE_NOT_AVAILABLE"}. */
    public String leaf() {
        int slash = code.lastIndexOf('/');
        return slash < 0 ? code : code.substring(slash + 1);
    }

    /** What it means. */
    public Kind kind() {
        String leaf = leaf().toUpperCase(Locale.ROOT);
        if (leaf.equals("WSL_E_DISTRO_NOT_FOUND")) {
            return Kind.DISTRO_NOT_FOUND;
        }
        if (leaf.equals("WSL_E_DEFAULT_DISTRO_NOT_FOUND")) {
            return Kind.NO_DISTRIBUTIONS;
        }
        if (leaf.equals("WSL_E_USER_NOT_FOUND")) {
            return Kind.USER_NOT_FOUND;
        }
        if (leaf.equals("HCS_E_SERVICE_NOT_AVAILABLE") || leaf.equals("HCS_E_HYPERV_NOT_INSTALLED")
                || leaf.equals("0X80370102") || (code.contains("/HCS/") && leaf.equals("ERROR_NOT_SUPPORTED"))
                || leaf.equals("WSL_E_VIRTUAL_MACHINE_PLATFORM_REQUIRED")) {
            return Kind.VIRTUALIZATION_DISABLED;
        }
        return Kind.OTHER;
    }

    /** Whether {@code exitCode} is {@code wsl.exe}'s own failure code (-1, or 255 through interop). */
    public static boolean isWslFailureExit(int exitCode) {
        return exitCode == EXIT_WSL_FAILURE || exitCode == 255;
    }
}
