package io.github.gpuenv.wsl;

import io.github.gpuenv.GpuEnvException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code wsl.exe} call failed. Carries the exact argv, the exit code and both output streams (decoded), and the
 * {@code Wsl/…} error code when {@code wsl.exe} printed one; the message says what happened and what to do.
 * Subclasses name the failures gpuenv recognises (by error code and exit code, never by localized text).
 *
 * <p>{@code try { wsl.terminate("Ubuntu"); } catch (WslCommandException e) { log.warn("{} → exit {}", e.argv(),
 * e.exitCode()); }}
 */
public class WslCommandException extends GpuEnvException {

    private static final long serialVersionUID = 1L;
    private final WslOperation operation;
    private final List<String> argv;
    private final Integer exitCode;
    private final String stdout;
    private final String stderr;
    private final String errorCode;

    /**
     * @param operation what was being done
     * @param argv the argv that ran
     * @param exitCode the exit code, or null when the process did not exit (not found, timed out)
     * @param stdout decoded standard output
     * @param stderr decoded standard error
     * @param errorCode the {@code Wsl/…} code, or null
     * @param message what happened
     * @param remedy what to do
     */
    public WslCommandException(WslOperation operation, List<String> argv, Integer exitCode, String stdout,
                               String stderr, String errorCode, String message, String remedy) {
        super("wsl " + operation.id() + ": " + argvText(argv), message, remedy);
        this.operation = operation;
        this.argv = List.copyOf(argv);
        this.exitCode = exitCode;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
        this.errorCode = errorCode;
    }

    /** Copies the details of {@code other} under a more specific type. */
    protected WslCommandException(WslCommandException other, String message, String remedy) {
        this(other.operation, other.argv, other.exitCode, other.stdout, other.stderr, other.errorCode, message, remedy);
    }

    public WslOperation operation() {
        return operation;
    }

    /** The argv that ran, element by element. */
    public List<String> argv() {
        return argv;
    }

    /** The exit code; empty when the process did not exit. */
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    /** Standard output, decoded. */
    public String stdout() {
        return stdout;
    }

    /** Standard error, decoded. */
    public String stderr() {
        return stderr;
    }

    /** The {@code Wsl/…} error code {@code wsl.exe} printed, e.g. {@code Wsl/Service/WSL_E_DISTRO_NOT_FOUND}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
