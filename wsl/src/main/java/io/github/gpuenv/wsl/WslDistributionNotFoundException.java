package io.github.gpuenv.wsl;

/**
 * {@code wsl.exe} has no distribution of that name ({@code Wsl/Service/WSL_E_DISTRO_NOT_FOUND}), or none at all
 * ({@code WSL_E_DEFAULT_DISTRO_NOT_FOUND}).
 *
 * <p>{@code catch (WslDistributionNotFoundException e) { wsl.install(e.distribution(), false); }}
 */
public class WslDistributionNotFoundException extends WslCommandException {

    private static final long serialVersionUID = 1L;
    private final String distribution;

    public WslDistributionNotFoundException(WslCommandException details, String distribution) {
        super(details, distribution.isEmpty() ? "WSL has no distributions"
                        : "WSL has no distribution named '" + distribution + "'",
                "list them with 'wsl.exe --list --verbose' (names are matched case-insensitively), or install one: "
                        + "wsl.exe --install -d Ubuntu-22.04");
        this.distribution = distribution;
    }

    /** The name asked for; empty when no name was given. */
    public String distribution() {
        return distribution;
    }
}
