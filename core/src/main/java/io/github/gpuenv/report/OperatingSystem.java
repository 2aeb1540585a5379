package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.Objects;

/**
 * The operating system this process runs on.
 *
 * @param family linux / windows / macos / other
 * @param name the distribution or product name, e.g. {@code "Debian GNU/Linux 12 (bookworm)"}, {@code "Windows 11 Pro"}
 * @param version the distribution's version, e.g. {@code "12"}; on Windows the full build {@code "10.0.22631.4602"}
 * @param kernel the kernel release, e.g. {@code "6.1.0-27-amd64"}; on Windows {@code "10.0"}
 * @param arch the machine architecture as Java names it, e.g. {@code "amd64"}
 */
public record OperatingSystem(OsFamily family, String name, String version, String kernel, String arch) {
    public OperatingSystem {
        Objects.requireNonNull(family, "family");
        name = Absent.text(name);
        version = Absent.text(version);
        kernel = Absent.text(kernel);
        arch = Absent.text(arch);
    }
}
