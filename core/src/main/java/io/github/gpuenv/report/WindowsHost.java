package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;

/**
 * The Windows build gpuenv checks against WSL's GPU minimums, read from the registry on Windows or through
 * interop ({@code cmd.exe /c ver}) from inside WSL.
 *
 * @param build the full build, {@code "10.0.<build>.<UBR>"}, e.g. {@code "10.0.19044.1200"}
 * @param product {@code "Windows 11"} (build ≥ 22000) or {@code "Windows 10"}
 * @param buildNumber the build number, e.g. {@code 19044}
 * @param ubr the update build revision, e.g. {@code 1200}; {@code -1} when the source does not give it
 * @param displayVersion {@code DisplayVersion} (e.g. {@code "22H2"}) or {@code ReleaseId}; null when not known
 * @param source where it came from: {@code "registry"} or {@code "ver"}
 */
public record WindowsHost(String build, String product, int buildNumber, int ubr, String displayVersion,
                          String source) {
    public WindowsHost {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(product, "product");
        displayVersion = Absent.text(displayVersion);
        Objects.requireNonNull(source, "source");
    }

    /** {@code "Windows 11"} for builds from 22000 on, {@code "Windows 10"} otherwise. */
    public static String productFor(int buildNumber) {
        return buildNumber >= 22000 ? "Windows 11" : "Windows 10";
    }
}
