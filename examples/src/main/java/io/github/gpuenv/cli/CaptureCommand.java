package io.github.gpuenv.cli;

import io.github.gpuenv.capture.MachineCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpuenv capture DIR}: record every file and command output the probes read, for a bug report. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Write every file and command output the probes read, byte-exact, into DIR.",
                "Attach DIR to a bug report; it replays to the same report, running nothing of it:"
                        + " gpuenv detect --root DIR/root."})
final class CaptureCommand implements Callable<Integer> {

    @Mixin
    DetectMixin detect;

    @Parameters(index = "0", paramLabel = "DIR", description = "An empty or new directory.")
    Path directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MachineCapture.Result result = MachineCapture.captureTo(directory, detect.options());
        var out = spec.commandLine().getOut();
        out.printf("captured into %s: %d command(s), report.json, probes.json, root/, env.txt%n", directory,
                result.commands().size());
        result.problems().forEach(p -> out.println("  note: " + p));
        out.flush();
        return GpuEnvCli.OK;
    }
}
