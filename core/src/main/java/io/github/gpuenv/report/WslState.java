package io.github.gpuenv.report;

import java.util.Locale;

/**
 * The state {@code wsl.exe --list --verbose} shows for a distribution. Current {@code wsl.exe} prints these English
 * words whatever the display language; anything else (an older, localized build) is {@link #UNKNOWN} and the text
 * it printed is kept beside it ({@code WslDistribution.stateText()} of gpuenv-wsl). JSON form: {@link #word()}.
 *
 * <p>{@code if (distro.state() == WslState.RUNNING) wsl.terminate(distro.name());}
 */
public enum WslState {
    RUNNING("Running"),
    STOPPED("Stopped"),
    INSTALLING("Installing"),
    CONVERTING("Converting"),
    UNINSTALLING("Uninstalling"),
    EXPORTING("Exporting"),
    /** A word gpuenv does not know (the text is kept beside it). */
    UNKNOWN("Unknown");

    private final String word;

    WslState(String word) {
        this.word = word;
    }

    /** The English word {@code wsl.exe} prints, e.g. {@code "Running"}; {@code "Unknown"} for {@link #UNKNOWN}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String word() {
        return word;
    }

    /** The state for a word {@code wsl.exe} printed (case-insensitive); {@link #UNKNOWN} when not an English state. */
    public static WslState fromWord(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (WslState s : values()) {
            if (s != UNKNOWN && s.word.toLowerCase(Locale.ROOT).equals(t)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
