package io.github.gpuenv.report;

import java.util.List;
import java.util.Objects;

/**
 * WSL as seen from the Windows side, through {@code wsl.exe} (supplied by the {@code gpuenv-wsl} module).
 *
 * @param installed whether WSL is installed and usable
 * @param problem null, or {@code "not-installed"}, {@code "kernel-missing"}, {@code "vmp-disabled"},
 *     {@code "wsl1-disabled"}
 * @param defaultDistribution the default distribution's name; empty when none
 * @param defaultVersion the default WSL version for new distributions; null when not reported
 * @param wslVersion the WSL package version (e.g. {@code "2.3.26.0"}); empty for inbox WSL
 * @param kernelVersion the WSL kernel version (e.g. {@code "5.15.167.4-1"}); empty when not reported
 * @param distributions the registered distributions
 */
public record WslHost(boolean installed, String problem, String defaultDistribution, Integer defaultVersion,
                      String wslVersion, String kernelVersion, List<Distribution> distributions) {
    public WslHost {
        defaultDistribution = Objects.requireNonNullElse(defaultDistribution, "");
        wslVersion = Objects.requireNonNullElse(wslVersion, "");
        kernelVersion = Objects.requireNonNullElse(kernelVersion, "");
        distributions = List.copyOf(distributions);
    }

    /**
     * One registered distribution.
     *
     * @param name its name
     * @param state {@code Running}, {@code Stopped}, … or {@code Unknown}
     * @param version 1 or 2
     * @param isDefault whether it is the default
     */
    public record Distribution(String name, String state, int version, boolean isDefault) {
        public Distribution {
            Objects.requireNonNull(name, "name");
            state = Objects.requireNonNullElse(state, "Unknown");
        }
    }
}
