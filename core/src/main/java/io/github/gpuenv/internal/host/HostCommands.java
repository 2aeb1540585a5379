package io.github.gpuenv.internal.host;

import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.spi.WslDetection;
import java.time.Duration;
import java.util.List;

/** The external commands of the host facts, in one place: their argv and their time limits. */
final class HostCommands {

    /** {@code ldconfig -p}, as found on PATH. */
    static final List<String> LDCONFIG = List.of("ldconfig", "-p");
    /** {@code ldconfig -p} where Debian and Ubuntu keep it when {@code /sbin} is not on a user's PATH. */
    static final List<String> LDCONFIG_SBIN = List.of("/sbin/ldconfig", "-p");
    /** Where Windows keeps {@code cmd.exe}, as WSL mounts it. */
    static final String DEFAULT_CMD_EXE = WslDetection.SYSTEM32 + "/cmd.exe";
    /** The most bytes kept of any host command's output. */
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    private HostCommands() {
    }

    /** {@code cmd.exe /c ver} through WSL interop. */
    static List<String> ver(String cmdExe) {
        return List.of(cmdExe, "/c", "ver");
    }

    /**
     * The time limit of one command: three quarters of the probe timeout, at most 2 seconds, so the command
     * times out (and says so) before the probe does.
     */
    static Duration timeout(ProbeContext context) {
        Duration share = context.probeTimeout().multipliedBy(3).dividedBy(4);
        Duration cap = Duration.ofSeconds(2);
        Duration floor = Duration.ofMillis(50);
        return share.compareTo(cap) > 0 ? cap : share.compareTo(floor) < 0 ? floor : share;
    }
}
