package io.github.gpuenv.wsl;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;

/**
 * What {@code wsl.exe --version} says (Store WSL only; inbox WSL has no {@code --version}). Read by label when the
 * labels are English and by line order otherwise (the order is fixed: WSL, kernel, WSLg, MSRDC, Direct3D, DXCore,
 * Windows), so the display language does not matter. Empty strings for lines that were not printed.
 *
 * <p>{@code String kernel = Wsl.local().version().kernelVersion(); // "5.15.167.4-1"}
 *
 * <p>Each is null when {@code wsl.exe --version} did not print it (inbox WSL prints none).
 *
 * @param wslVersion e.g. {@code "2.3.26.0"}
 * @param kernelVersion e.g. {@code "5.15.167.4-1"}
 * @param wslgVersion e.g. {@code "1.0.65"}
 * @param msrdcVersion e.g. {@code "1.2.5620"}
 * @param direct3dVersion e.g. {@code "1.611.1-81528511"}
 * @param dxcoreVersion e.g. {@code "10.0.26100.1-240331-1435.ge-release"}
 * @param windowsVersion e.g. {@code "10.0.26100.2454"}
 */
public record WslVersion(String wslVersion, String kernelVersion, String wslgVersion, String msrdcVersion,
                         String direct3dVersion, String dxcoreVersion, String windowsVersion) {
    public WslVersion {
        wslVersion = Absent.text(wslVersion);
        kernelVersion = Absent.text(kernelVersion);
        wslgVersion = Absent.text(wslgVersion);
        msrdcVersion = Absent.text(msrdcVersion);
        direct3dVersion = Absent.text(direct3dVersion);
        dxcoreVersion = Absent.text(dxcoreVersion);
        windowsVersion = Absent.text(windowsVersion);
    }
}
