package io.github.gpuenv.wsl;

import io.github.gpuenv.report.WslProblem;

/**
 * WSL cannot run: not installed, its kernel missing, or no {@code wsl.exe} where gpuenv looked.
 * {@link #problem()} says which; the remedy is the command that fixes it.
 *
 * <p>{@code catch (WslNotInstalledException e) { System.err.println(e.problem().remedy()); }}
 */
public class WslNotInstalledException extends WslCommandException {

    private static final long serialVersionUID = 1L;
    private final WslProblem problem;

    public WslNotInstalledException(WslCommandException details, WslProblem problem, String message) {
        super(details, message, problem.remedy());
        this.problem = problem;
    }

    /**
     * {@link WslProblem#NOT_INSTALLED} or {@link WslProblem#KERNEL_MISSING}; where no {@code wsl.exe} can be run
     * from here, {@link WslProblem#NOT_APPLICABLE}, {@link WslProblem#INTEROP_DISABLED} or
     * {@link WslProblem#WSL_EXE_NOT_FOUND}.
     */
    public WslProblem problem() {
        return problem;
    }
}
