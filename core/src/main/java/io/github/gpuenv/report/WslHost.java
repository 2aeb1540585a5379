package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * WSL as seen from the Windows side, through {@code wsl.exe} (supplied by the {@code gpuenv-wsl} module).
 *
 * @param installed whether WSL is installed and usable
 * @param problem why WSL cannot run distributions, or cannot be asked from here; null when none (JSON: its
 *     {@link WslProblem#id()}, e.g. {@code "not-installed"})
 * @param defaultDistribution the default distribution's name; null when none
 * @param defaultVersion the default WSL version for new distributions; null when not reported
 * @param wslVersion the WSL package version (e.g. {@code "2.3.26.0"}); null for inbox WSL
 * @param kernelVersion the WSL kernel version (e.g. {@code "5.15.167.4-1"}); null when not reported
 * @param distributions the registered distributions
 */
public record WslHost(boolean installed, WslProblem problem, String defaultDistribution, Integer defaultVersion,
                      String wslVersion, String kernelVersion, List<Distribution> distributions) {
    public WslHost {
        defaultDistribution = Absent.text(defaultDistribution);
        wslVersion = Absent.text(wslVersion);
        kernelVersion = Absent.text(kernelVersion);
        distributions = List.copyOf(distributions);
    }

    /**
     * One registered distribution.
     *
     * @param name its name
     * @param state {@link WslState#RUNNING}, {@link WslState#STOPPED}, …, or {@link WslState#UNKNOWN} (JSON: the
     *     word {@code wsl.exe} prints, {@code "Running"})
     * @param version 1 or 2
     * @param isDefault whether it is the default
     */
    public record Distribution(String name, WslState state, int version, boolean isDefault) {
        public Distribution {
            Objects.requireNonNull(name, "name");
            state = Objects.requireNonNullElse(state, WslState.UNKNOWN);
        }
    }
}
