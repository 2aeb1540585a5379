package io.github.gpuenv.cli;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.GpuEnvReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpuenv detect [--json]}: print every fact; exit 0 whatever the verdict. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Print what this machine has: OS, WSL, NVIDIA driver and GPUs, container, toolkit, Docker.")
final class DetectCommand implements Callable<Integer> {

    @Mixin
    DetectMixin detect;

    @Option(names = "--json", description = "Print the report as JSON (schema 1, see README).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GpuEnvReport report = GpuEnv.detect(detect.options());
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            ReportPrinter.printFacts(report, out);
        }
        out.flush();
        return GpuEnvCli.OK;
    }
}
