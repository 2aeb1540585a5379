package io.github.gpuenv.wsl;

import java.util.Objects;

/**
 * The explicit confirmation {@link Wsl#unregister(String, WslConfirmation)} requires: unregistering deletes the
 * distribution's whole file system and cannot be undone, so the caller names the distribution a second time.
 *
 * <p>{@code wsl.unregister("Old-Ubuntu", WslConfirmation.deleteAllFilesOf("Old-Ubuntu"));}
 *
 * @param distribution the distribution whose files may be deleted
 */
public record WslConfirmation(String distribution) {
    public WslConfirmation {
        Objects.requireNonNull(distribution, "distribution");
    }

    /** Confirms that every file of {@code distribution} may be deleted. */
    public static WslConfirmation deleteAllFilesOf(String distribution) {
        return new WslConfirmation(distribution);
    }
}
