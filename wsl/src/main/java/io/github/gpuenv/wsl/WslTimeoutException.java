package io.github.gpuenv.wsl;

/**
 * A {@code wsl.exe} call ran past its time limit and was killed (with its child processes).
 *
 * <p>{@code WslOptions.builder().timeout(WslOperation.EXPORT, Duration.ofHours(2))} gives slow disks more time.
 */
public class WslTimeoutException extends WslCommandException {

    private static final long serialVersionUID = 1L;

    public WslTimeoutException(WslCommandException details, java.time.Duration limit) {
        super(details, "wsl.exe did not finish within " + limit.toSeconds() + " s and was stopped",
                "raise the limit: WslOptions.builder().timeout(WslOperation." + details.operation().name()
                        + ", …); if wsl.exe hangs every time, run 'wsl.exe --shutdown' and try again");
    }
}
