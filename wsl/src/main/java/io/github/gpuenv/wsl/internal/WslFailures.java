package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.wsl.WslCommandException;
import io.github.gpuenv.wsl.WslDistributionNotFoundException;
import io.github.gpuenv.wsl.WslNotInstalledException;
import io.github.gpuenv.wsl.WslOperation;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.wsl.WslTimeoutException;
import io.github.gpuenv.wsl.WslVirtualizationDisabledException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a failed {@code wsl.exe} run into the typed exception that names it, by outcome, exit code and
 * {@code Wsl/…} error code — never by the localized sentence. The one place that mapping lives.
 *
 * <p>{@code WslFailures.of(WslOperation.TERMINATE, result, "Ubuntu", timeout).ifPresent(e -> { throw e; });}
 */
public final class WslFailures {

    private WslFailures() {
    }

    /** The exception for {@code result}, or empty when it succeeded (exit 0). */
    public static Optional<WslCommandException> of(WslOperation op, CommandResult result, String distribution,
                                                   Duration timeout) {
        if (result.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(classify(op, result, distribution, timeout));
    }

    /** The exception for a result that did not succeed. */
    public static WslCommandException classify(WslOperation op, CommandResult result, String distribution,
                                               Duration timeout) {
        String out = WslOutputDecoder.decode(result.stdout());
        String err = WslOutputDecoder.decode(result.stderr());
        Optional<WslErrorCode> code = WslErrorCode.find(err + "\n" + out);
        Integer exit = result.outcome() == CommandResult.Outcome.EXITED ? result.exitCode() : null;
        WslCommandException base = new WslCommandException(op, result.argv(), exit, out, err,
                code.map(WslErrorCode::code).orElse(null), describe(result, out, err, code),
                "run it by hand to see the full message: " + String.join(" ", result.argv()));
        switch (result.outcome()) {
            case NOT_FOUND:
                return new WslNotInstalledException(base, WslProblem.NOT_INSTALLED,
                        "wsl.exe was not found (" + result.argv().get(0) + "): WSL is not installed, or "
                                + "GPUENV_WSL_EXE points to the wrong place");
            case TIMED_OUT:
                return new WslTimeoutException(base, timeout);
            case FAILED:
                return base;
            default:
                break;
        }
        if (result.exitCode() == WslErrorCode.EXIT_NOT_INSTALLED) {
            return new WslNotInstalledException(base, WslProblem.NOT_INSTALLED,
                    "the Windows Subsystem for Linux is not installed (wsl.exe exit code 50)");
        }
        if (result.exitCode() == WslErrorCode.EXIT_KERNEL_MISSING) {
            return new WslNotInstalledException(base, WslProblem.KERNEL_MISSING,
                    "the WSL 2 kernel is missing (wsl.exe exit code 0xFFFFFE44)");
        }
        if (code.isPresent()) {
            switch (code.get().kind()) {
                case DISTRO_NOT_FOUND:
                    return new WslDistributionNotFoundException(base, distribution == null ? "" : distribution);
                case NO_DISTRIBUTIONS:
                    return new WslDistributionNotFoundException(base, "");
                case VIRTUALIZATION_DISABLED:
                    return new WslVirtualizationDisabledException(base);
                case USER_NOT_FOUND:
                    return new WslCommandException(op, result.argv(), exit, out, err, code.get().code(),
                            "the Linux user does not exist in " + distribution + " (" + code.get().code() + ")",
                            "create it inside the distribution, or run as root: -u root");
                default:
                    break;
            }
        }
        return base;
    }

    private static String describe(CommandResult result, String out, String err, Optional<WslErrorCode> code) {
        String first = firstLine(err.isBlank() ? out : err);
        return switch (result.outcome()) {
            case EXITED -> "wsl.exe exited with " + result.exitCode()
                    + (code.map(c -> " (" + c.code() + ")").orElse("")) + (first.isEmpty() ? "" : ": " + first);
            case NOT_FOUND -> "wsl.exe not found: " + result.argv().get(0);
            case TIMED_OUT -> "wsl.exe timed out " + result.detail();
            case FAILED -> "wsl.exe could not be run: " + result.detail();
            case NOT_RUN -> "wsl.exe was not run: " + result.detail();
        };
    }

    private static String firstLine(String text) {
        for (String line : WslLines.of(text)) {
            if (!line.isBlank()) {
                String s = line.strip();
                return s.length() > 200 ? s.substring(0, 200) + "…" : s;
            }
        }
        return "";
    }
}
