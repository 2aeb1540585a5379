package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.spi.WslDetection;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.report.WslProblem;
import java.util.Optional;

/**
 * Decides which {@code wsl.exe} to run: the one configured ({@code gpuenv.wsl-exe} / {@code GPUENV_WSL_EXE}, or an
 * option); on Windows {@code %SystemRoot%\System32\wsl.exe} ({@code Sysnative} from a 32-bit JVM on 64-bit
 * Windows, where {@code System32} is redirected); inside WSL (core's one rule, {@link WslDetection}) the
 * {@code wsl.exe} that interop reaches ({@code PATH}, else {@code /mnt/c/Windows/System32}) — none when interop is
 * disabled or it is nowhere; elsewhere none: WSL does not apply, and nothing is run. Pure apart from reading the
 * given file view.
 *
 * <p>{@code WslExeLocator.locate(Optional.empty(), Environment.system(), FileView.rooted(Path.of("/")))}
 */
public final class WslExeLocator {

    private WslExeLocator() {
    }

    /** How the location was decided. */
    public enum Kind {
        /** An option, property or variable named it. */
        CONFIGURED,
        /** This is Windows. */
        WINDOWS,
        /** Inside WSL, through interop. */
        INTEROP,
        /** Inside WSL, but interop is disabled: no Windows program can be run from here. */
        INTEROP_DISABLED,
        /** Inside WSL with interop, but {@code wsl.exe} is neither on {@code PATH} nor in System32. */
        INTEROP_UNREACHABLE,
        /** Neither Windows nor inside WSL. */
        NOT_APPLICABLE
    }

    /**
     * Where {@code wsl.exe} is, and how that was decided.
     *
     * @param kind how it was decided
     * @param exe the executable; empty when there is none to run here
     * @param how for messages: what was found, or why there is no {@code wsl.exe} to run
     * @param insideWsl whether this process runs inside WSL (interop working or not; a configured one included)
     */
    public record Location(Kind kind, Optional<String> exe, String how, boolean insideWsl) {
        /** Whether the location was configured explicitly (an option, property or variable). */
        public boolean configured() {
            return kind == Kind.CONFIGURED;
        }

        /** Why WSL cannot be reached from here, when {@link #exe()} is empty. */
        public WslProblem problem() {
            return switch (kind) {
                case INTEROP_DISABLED -> WslProblem.INTEROP_DISABLED;
                case INTEROP_UNREACHABLE -> WslProblem.WSL_EXE_NOT_FOUND;
                default -> WslProblem.NOT_APPLICABLE;
            };
        }
    }

    /** Locates {@code wsl.exe}; {@code explicit} (an option) wins over the ambient configuration. */
    public static Location locate(Optional<String> explicit, Environment env, FileView files) {
        Optional<String> configured = explicit.filter(s -> !s.isBlank()).or(() -> ConfigKey.WSL_EXE.configured(env));
        OsFamily os = OsFamily.fromOsName(env.property("os.name").orElse(""));
        Optional<WslDetection> wsl = os == OsFamily.LINUX ? WslDetection.detect(files, env) : Optional.empty();
        boolean inside = wsl.map(WslDetection::inside).orElse(false);
        if (configured.isPresent()) {
            return new Location(Kind.CONFIGURED, configured, "configured", inside);
        }
        if (os == OsFamily.WINDOWS) {
            String root = env.variable("SystemRoot").or(() -> env.variable("SYSTEMROOT"))
                    .or(() -> env.variable("windir")).orElse("C:\\Windows");
            boolean wow64 = env.variable("PROCESSOR_ARCHITEW6432").isPresent()
                    && env.property("os.arch").map(a -> a.equals("x86")).orElse(false);
            return new Location(Kind.WINDOWS, Optional.of(root + (wow64 ? "\\Sysnative" : "\\System32") + "\\wsl.exe"),
                    "windows", false);
        }
        if (!inside) {
            return new Location(Kind.NOT_APPLICABLE, Optional.empty(), "WSL does not apply here: wsl.exe is a"
                    + " Windows program, and this is not Windows and not inside WSL (set " + ConfigKey.WSL_EXE.variable()
                    + " to use a wsl.exe anyway)", false);
        }
        Optional<String> noInterop = wsl.get().whyNoWindowsPrograms();
        if (noInterop.isPresent()) {
            return new Location(Kind.INTEROP_DISABLED, Optional.empty(), noInterop.get().replace(
                    "Windows programs cannot", "wsl.exe cannot"), true);
        }
        Optional<String> exe = WslDetection.windowsProgram("wsl.exe", files, env);
        if (exe.isEmpty()) {
            return new Location(Kind.INTEROP_UNREACHABLE, Optional.empty(), "inside WSL, wsl.exe is neither on PATH"
                    + " nor at " + WslDetection.SYSTEM32 + "/wsl.exe (appendWindowsPath=false in /etc/wsl.conf, or C:"
                    + " is mounted elsewhere)", true);
        }
        return new Location(Kind.INTEROP, exe, "interop", true);
    }
}
