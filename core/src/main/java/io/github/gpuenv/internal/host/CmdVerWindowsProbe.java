package io.github.gpuenv.internal.host;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.spi.WslDetection;
import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import java.util.Optional;

/**
 * The {@code windows} fact from inside WSL (and only there): runs {@code cmd.exe /c ver} through WSL interop
 * ({@code cmd.exe} from {@code PATH}, else {@code /mnt/c/Windows/System32/cmd.exe}) under a short timeout and
 * parses the number with {@link WindowsVerParser}. Not applicable outside WSL; permission denied when WSL interop
 * is disabled ({@link WslDetection#interop()}); not found when {@code cmd.exe} is nowhere ({@code C:} not mounted).
 */
final class CmdVerWindowsProbe implements Probe<WindowsHost> {

    static final String ID = "ver";
    static final String SOURCE = "ver";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<WindowsHost> probe(ProbeContext context) {
        if (context.osFamily() != OsFamily.LINUX) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "cmd.exe /c ver is only run from inside WSL");
        }
        Optional<WslDetection> wsl = WslDetection.detect(context.files(), context.environment());
        if (wsl.isEmpty() || !wsl.get().inside()) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "not Windows and not inside WSL");
        }
        Optional<String> noInterop = wsl.get().whyNoWindowsPrograms();
        if (noInterop.isPresent()) {
            return Fact.unknown(Reason.PERMISSION_DENIED, noInterop.get() + ": cmd.exe /c ver was not run → "
                    + WslDetection.ENABLE_INTEROP);
        }
        Optional<String> cmdExe = WslDetection.windowsProgram("cmd.exe", context.files(), context.environment());
        if (cmdExe.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "cmd.exe is neither on PATH nor at " + HostCommands.DEFAULT_CMD_EXE
                    + " (appendWindowsPath=false in /etc/wsl.conf and C: not mounted there)");
        }
        CommandResult result = context.commands().run(CommandRequest.builder(HostCommands.ver(cmdExe.get()))
                .timeout(HostCommands.timeout(context)).maxOutputBytes(64 * 1024).build());
        switch (result.outcome()) {
            case NOT_FOUND:
                return Fact.unknown(Reason.NOT_FOUND, cmdExe.get() + " could not be started (" + result.summary()
                        + "); WSL interop may be off");
            case TIMED_OUT:
                return Fact.unknown(Reason.TIMED_OUT, cmdExe.get() + " /c ver " + result.summary());
            case FAILED:
                return Fact.unknown(Reason.COMMAND_FAILED, cmdExe.get() + " /c ver " + result.summary());
            case NOT_RUN:
                return Fact.unknown(Reason.SKIPPED, cmdExe.get() + " /c ver " + result.summary());
            default:
                break;
        }
        if (result.exitCode() != 0) {
            return Fact.unknown(Reason.COMMAND_FAILED, cmdExe.get() + " /c ver: " + result.summary());
        }
        return WindowsVerParser.parse(result.stdout())
                .<Fact<WindowsHost>>map(v -> Fact.known(new WindowsHost(v.fullBuild(),
                        WindowsHost.productFor(v.build()), v.build(), v.ubr(), v.displayVersion(), SOURCE), ID))
                .orElseGet(() -> Fact.unknown(Reason.UNRECOGNIZED_OUTPUT,
                        "no Windows build number in the output of cmd.exe /c ver: " + excerpt(result.stdout())));
    }

    /** The first printable characters of {@code bytes}, for the unknown's detail. */
    private static String excerpt(byte[] bytes) {
        String text = WindowsVerParser.decode(bytes);
        StringBuilder printable = new StringBuilder();
        for (int i = 0; i < text.length() && printable.length() < 200; i++) {
            char c = text.charAt(i);
            printable.append(Character.isISOControl(c) ? ' ' : c);
        }
        String line = printable.toString().strip();
        if (line.isEmpty()) {
            return "(empty)";
        }
        return "\"" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "\"";
    }
}
