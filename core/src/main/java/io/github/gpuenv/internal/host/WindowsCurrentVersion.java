package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.WindowsHost;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Windows build and edition as the registry key {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}
 * holds them: {@code CurrentBuildNumber}, {@code UBR}, {@code DisplayVersion} (else {@code ReleaseId}),
 * {@code ProductName}, {@code CurrentMajorVersionNumber}/{@code CurrentMinorVersionNumber}. Shared by the
 * {@code os} and {@code windows} facts.
 *
 * <p>{@code WindowsCurrentVersion.read(registry).map(WindowsCurrentVersion::host)}
 *
 * @param host the build, with the product derived from the build number
 * @param productName the edition as users know it, e.g. {@code "Windows 11 Pro"}: {@code ProductName} with a
 *     leading {@code "Windows 10"} replaced by {@code "Windows 11"} for builds from 22000 on (the registry keeps
 *     saying "Windows 10" there); server editions unchanged
 */
record WindowsCurrentVersion(WindowsHost host, String productName) {

    static final String KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final String SOURCE = "registry";

    /** The build, or empty when {@code CurrentBuildNumber} is missing or not a number. */
    static Optional<WindowsCurrentVersion> read(WindowsRegistry registry) {
        Optional<Integer> build = registry.string(KEY, "CurrentBuildNumber").map(String::strip)
                .filter(s -> s.matches("\\d{1,6}")).map(Integer::parseInt);
        if (build.isEmpty()) {
            return Optional.empty();
        }
        int buildNumber = build.get();
        OptionalInt ubr = registry.dword(KEY, "UBR");
        int major = registry.dword(KEY, "CurrentMajorVersionNumber").orElse(10);
        int minor = registry.dword(KEY, "CurrentMinorVersionNumber").orElse(0);
        String display = registry.string(KEY, "DisplayVersion").filter(s -> !s.isBlank())
                .or(() -> registry.string(KEY, "ReleaseId").filter(s -> !s.isBlank())).orElse("").strip();
        String full = major + "." + minor + "." + buildNumber + (ubr.isPresent() ? "." + ubr.getAsInt() : "");
        String product = WindowsHost.productFor(buildNumber);
        WindowsHost host = new WindowsHost(full, product, buildNumber, ubr.orElse(-1), display, SOURCE);
        String productName = registry.string(KEY, "ProductName").map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> editionName(name, buildNumber)).orElse(product);
        return Optional.of(new WindowsCurrentVersion(host, productName));
    }

    /** {@code "Windows 10 Pro"} at build 22631 is {@code "Windows 11 Pro"}; other names are kept. */
    static String editionName(String productName, int buildNumber) {
        if (buildNumber >= 22000 && productName.startsWith("Windows 10")) {
            return "Windows 11" + productName.substring("Windows 10".length());
        }
        return productName;
    }
}
