package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.internal.AsciiCase;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.wsl.WslStatus;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code wsl.exe --status} (decoded stdout and stderr, and the exit code) into a {@link WslStatus}.
 *
 * <p>Recognition never depends on the display language: exit code 50 is "not installed" and {@code 0xFFFFFE44}
 * "kernel missing" (rancher-desktop {@code version_windows.go}); an HCS error code or {@code 0x80370102} is "virtual
 * machine platform disabled". The messages {@code wsl.exe} prints with exit code 0 carry untranslated anchors —
 * links ({@code aka.ms/enablevirtualization}, {@code aka.ms/wslinstall}, {@code aka.ms/wsl2kernel}) and commands
 * ({@code --install --no-distribution}, {@code wsl --update}) — and those are what is matched; the English
 * sentences are matched only as a last resort ({@code WSL1 is not supported}, for which no anchor is known).
 * The default distribution and version are read from {@code label: value} lines by English label, otherwise by
 * shape: the last line whose value is {@code 1} or {@code 2} is the version and a line before it the distribution.
 * Pure; never throws.
 *
 * <p>{@code WslStatus s = WslStatusParser.parse(text, exitCode);}
 */
public final class WslStatusParser {

    private WslStatusParser() {
    }

    /** The status for {@code text} (stdout then stderr, decoded) and {@code wsl.exe}'s exit code. */
    public static WslStatus parse(String text, int exitCode) {
        String t = text == null ? "" : text;
        String lower = AsciiCase.lower(t);
        WslProblem problem = problem(t, lower, exitCode);
        boolean installed = problem != WslProblem.NOT_INSTALLED && problem != WslProblem.KERNEL_MISSING;
        String distro = "";
        Integer version = null;
        List<String> lines = WslLines.of(t);
        int versionLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            Optional<String[]> kv = keyValue(lines.get(i));
            if (kv.isEmpty()) {
                continue;
            }
            String key = AsciiCase.lower(kv.get()[0]);
            String value = kv.get()[1];
            if (key.equals("default distribution")) {
                distro = value;
            } else if (key.equals("default version") && (value.equals("1") || value.equals("2"))) {
                version = Integer.valueOf(value);
                versionLine = i;
            }
        }
        if (version == null) {
            for (int i = lines.size() - 1; i >= 0 && version == null; i--) {
                Optional<String[]> kv = keyValue(lines.get(i));
                if (kv.isPresent() && (kv.get()[1].equals("1") || kv.get()[1].equals("2"))) {
                    version = Integer.valueOf(kv.get()[1]);
                    versionLine = i;
                }
            }
        }
        if (distro.isEmpty() && versionLine > 0) {
            for (int i = versionLine - 1; i >= 0; i--) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                Optional<String[]> kv = keyValue(lines.get(i));
                if (kv.isPresent() && !kv.get()[1].contains(" ")) {
                    distro = kv.get()[1];
                }
                break;
            }
        }
        return new WslStatus(installed, problem, distro, version, exitCode, t);
    }

    private static WslProblem problem(String text, String lower, int exitCode) {
        if (exitCode == WslErrorCode.EXIT_NOT_INSTALLED) {
            return WslProblem.NOT_INSTALLED;
        }
        boolean updateAnchor = lower.contains("wsl --update") || lower.contains("wsl.exe --update")
                || lower.contains("aka.ms/wsl2kernel");
        // 0xFFFFFE44 reaches a Linux caller (WSL interop) truncated to 8 bits: 0x44
        if (exitCode == WslErrorCode.EXIT_KERNEL_MISSING || (exitCode == 0x44 && updateAnchor)) {
            return WslProblem.KERNEL_MISSING;
        }
        Optional<WslErrorCode> code = WslErrorCode.find(text);
        if (code.isPresent() && code.get().kind() == WslErrorCode.Kind.VIRTUALIZATION_DISABLED) {
            return WslProblem.VMP_DISABLED;
        }
        if (lower.contains("aka.ms/wslinstall") && !lower.contains("default version")) {
            return WslProblem.NOT_INSTALLED;
        }
        if (lower.contains("aka.ms/enablevirtualization") || lower.contains("--install --no-distribution")) {
            return WslProblem.VMP_DISABLED;
        }
        if (lower.contains("kernel file is not found")) {
            return WslProblem.KERNEL_MISSING;
        }
        if (lower.contains("wsl1 is not supported") || lower.contains("--enable-wsl1")) {
            return WslProblem.WSL1_DISABLED;
        }
        if (lower.contains("not installed") && lower.contains("wsl.exe --install") && !lower.contains("default version")) {
            return WslProblem.NOT_INSTALLED;
        }
        return null;
    }

    /** {@code "label: value"} (ASCII or full-width colon) with a non-empty label and value. */
    static Optional<String[]> keyValue(String line) {
        int colon = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return Optional.empty();
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (key.isEmpty() || value.isEmpty() || value.startsWith("//")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {key, value});
    }
}
