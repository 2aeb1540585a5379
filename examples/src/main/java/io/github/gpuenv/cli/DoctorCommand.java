package io.github.gpuenv.cli;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.GpuEnvReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpuenv doctor [--json]}: facts, checks with remedies, verdict; exit 0 when ready, 1 when not. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check every layer and say what to fix. Exit 0 when CUDA containers can run, 1 when not.")
final class DoctorCommand implements Callable<Integer> {

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
            out.println();
            ReportPrinter.printChecks(report, out);
        }
        out.flush();
        return report.ready() ? GpuEnvCli.OK : GpuEnvCli.NOT_READY;
    }
}
