package io.github.gpuenv.cli;

import io.github.gpuenv.report.GpuEnvReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code gpuenv detect [--json]}: print every fact; exit 0 whatever the verdict. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Print what this machine has: OS, WSL, NVIDIA driver and GPUs, container, toolkit, Docker.")
final class DetectCommand extends ReportCommand {

    @Override
    void printForPeople(GpuEnvReport report, PrintWriter out) {
        ReportPrinter.printFacts(report, out);
    }

    @Override
    int exitCode(GpuEnvReport report) {
        return GpuEnvCli.OK;
    }
}
