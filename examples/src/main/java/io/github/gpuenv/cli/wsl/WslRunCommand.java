package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.wsl.WslOutputListener;
import io.github.gpuenv.wsl.WslRun;
import io.github.gpuenv.wsl.WslRunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpuenv wsl run --distro NAME [--user U] [--cd DIR] -- CMD [ARG…]}: runs the command with
 * {@code wsl.exe -d NAME [-u U] [--cd DIR] --exec CMD ARG…}, streams its output line by line and exits with its
 * exit code. With {@code --json}, prints {@code {"exitCode":…,"stdout":…,"stderr":…}} at the end instead.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a command in a distribution (no shell; every argument passed as is); exits with its code.")
public final class WslRunCommand implements Callable<Integer> {

    @Mixin
    WslMixin common;

    @Option(names = {"--distro", "-d"}, required = true, paramLabel = "NAME", description = "The distribution.")
    String distro;

    @Option(names = {"--user", "-u"}, paramLabel = "USER", description = "The Linux user (default: the distro's).")
    String user;

    @Option(names = "--cd", paramLabel = "DIR", description = "Working directory (a Linux path, or an absolute Windows path).")
    String directory;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        WslRun run = WslRun.in(distro).user(user).workingDirectory(directory).command(command).build();
        var out = common.out();
        var err = common.err();
        WslRunResult result;
        if (common.json()) {
            result = common.wsl().run(run);
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("exitCode", result.exitCode());
            m.put("stdout", result.stdoutText());
            m.put("stderr", result.stderrText());
            common.printJson(m);
        } else {
            result = common.wsl().run(run, WslOutputListener.of(line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }, line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }));
        }
        return result.exitCode();
    }
}
