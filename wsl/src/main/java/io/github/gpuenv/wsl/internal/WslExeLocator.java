package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.ConfigKey;
import io.github.gpuenv.OsFamily;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which {@code wsl.exe} to run: the one configured ({@code gpuenv.wsl-exe} / {@code GPUENV_WSL_EXE}, or an
 * option); on Windows {@code %SystemRoot%\System32\wsl.exe} ({@code Sysnative} from a 32-bit JVM on 64-bit
 * Windows, where {@code System32} is redirected); inside WSL {@code wsl.exe} through interop, found on PATH;
 * elsewhere none — WSL does not apply, and nothing is run. Pure apart from reading the given file view.
 *
 * <p>{@code WslExeLocator.locate(Optional.empty(), Environment.system(), FileView.rooted(Path.of("/")))}
 */
public final class WslExeLocator {

    private WslExeLocator() {
    }

    /**
     * Where {@code wsl.exe} is, and how that was decided.
     *
     * @param exe the executable, or empty when WSL does not apply here
     * @param how {@code "configured"}, {@code "windows"}, {@code "interop"}, or why none applies
     */
    public record Location(Optional<String> exe, String how) {
        /** Whether the location was configured explicitly (an option, property or variable). */
        public boolean configured() {
            return how.equals("configured");
        }
    }

    /** Locates {@code wsl.exe}; {@code explicit} (an option) wins over the ambient configuration. */
    public static Location locate(Optional<String> explicit, Environment env, FileView files) {
        Optional<String> configured = explicit.filter(s -> !s.isBlank()).or(() -> ConfigKey.WSL_EXE.configured(env));
        if (configured.isPresent()) {
            return new Location(configured, "configured");
        }
        OsFamily os = OsFamily.fromOsName(env.property("os.name").orElse(""));
        if (os == OsFamily.WINDOWS) {
            String root = env.variable("SystemRoot").or(() -> env.variable("SYSTEMROOT"))
                    .or(() -> env.variable("windir")).orElse("C:\\Windows");
            boolean wow64 = env.variable("PROCESSOR_ARCHITEW6432").isPresent()
                    && env.property("os.arch").map(a -> a.equals("x86")).orElse(false);
            return new Location(Optional.of(root + (wow64 ? "\\Sysnative" : "\\System32") + "\\wsl.exe"), "windows");
        }
        if (os == OsFamily.LINUX && insideWsl(env, files)) {
            return new Location(Optional.of("wsl.exe"), "interop");
        }
        return new Location(Optional.empty(), "not Windows and not inside WSL (set " + ConfigKey.WSL_EXE.variable()
                + " to use a wsl.exe anyway)");
    }

    /** {@code WSL_DISTRO_NAME} set, or {@code /proc/sys/kernel/osrelease} naming Microsoft or WSL. */
    static boolean insideWsl(Environment env, FileView files) {
        if (env.variable("WSL_DISTRO_NAME").filter(s -> !s.isBlank()).isPresent()) {
            return true;
        }
        String release = files.readString("/proc/sys/kernel/osrelease").orElse("").toLowerCase(Locale.ROOT);
        return release.contains("microsoft") || release.contains("wsl");
    }
}
