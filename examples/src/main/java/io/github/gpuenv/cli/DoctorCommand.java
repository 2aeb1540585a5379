package io.github.gpuenv.cli;

import io.github.gpuenv.report.GpuEnvReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code gpuenv doctor [--json]}: facts, checks with remedies, verdict; exit 0 when ready, 1 when not. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check every layer and say what to fix. Exit 0 when CUDA containers can run, 1 when not.")
final class DoctorCommand extends ReportCommand {

    @Override
    void printForPeople(GpuEnvReport report, PrintWriter out) {
        ReportPrinter.printFacts(report, out);
        out.println();
        ReportPrinter.printChecks(report, out);
    }

    @Override
    int exitCode(GpuEnvReport report) {
        return report.ready() ? GpuEnvCli.OK : GpuEnvCli.NOT_READY;
    }
}
