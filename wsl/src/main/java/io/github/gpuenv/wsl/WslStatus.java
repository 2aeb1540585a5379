package io.github.gpuenv.wsl;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;
import io.github.gpuenv.report.WslProblem;
import java.util.Optional;

/**
 * What {@code wsl.exe --status} says: whether WSL is usable, why not, the default distribution and version.
 *
 * <p>{@code WslStatus s = Wsl.local().status(); if (!s.installed()) System.out.println(s.problem().get().remedy());}
 *
 * @param installed whether WSL is installed (a {@link WslProblem#WSL1_DISABLED} or {@link WslProblem#VMP_DISABLED}
 *     WSL is installed but limited)
 * @param problem the problem, or null when none was reported
 * @param defaultDistribution the default distribution; null when none is set or it was not reported
 * @param defaultVersion the default version for new distributions (1 or 2); null when not reported
 * @param exitCode {@code wsl.exe}'s exit code
 * @param rawText the decoded output (stdout, then stderr), kept for diagnosis
 */
public record WslStatus(boolean installed, WslProblem problem, String defaultDistribution, Integer defaultVersion,
                        int exitCode, String rawText) {
    public WslStatus {
        defaultDistribution = Absent.text(defaultDistribution);
        rawText = Objects.requireNonNullElse(rawText, "");
    }

    /** The problem, if any. */
    public Optional<WslProblem> problemIfAny() {
        return Optional.ofNullable(problem);
    }
}
