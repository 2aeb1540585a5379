package io.github.gpuenv.wsl;

import java.util.Locale;
import io.github.gpuenv.report.WslState;
import java.util.Objects;

/**
 * One registered WSL distribution, as {@code wsl.exe --list --verbose} shows it.
 *
 * <p>{@code wsl.list().stream().filter(WslDistribution::isDefault).findFirst()}
 *
 * @param name its name, e.g. {@code "Ubuntu-22.04"}
 * @param state its state; {@link WslState#UNKNOWN} when {@code wsl.exe} printed a word gpuenv does not know
 * @param stateText the state exactly as printed (e.g. a localized word)
 * @param version 1 or 2 (0 when the column was not a number)
 * @param isDefault whether it is the default distribution (the {@code *} marker)
 */
public record WslDistribution(String name, WslState state, String stateText, int version, boolean isDefault) {
    public WslDistribution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        stateText = Objects.requireNonNullElse(stateText, state.word());
    }

    /** Whether this is one of Docker Desktop's own distributions ({@code docker-desktop}, {@code docker-desktop-data}). */
    public boolean isDockerDesktop() {
        return name.toLowerCase(Locale.ROOT).startsWith("docker-desktop");
    }
}
