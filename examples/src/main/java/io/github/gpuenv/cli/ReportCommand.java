package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code detect} and {@code doctor} share: detect, then print the report as JSON or for people. */
abstract class ReportCommand implements Callable<Integer> {

    @Mixin
    DetectMixin detect;

    @Option(names = "--json", description = "Print the report as JSON (schema 2, see docs/report.md).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return report(detect.options(), json, spec.commandLine().getOut());
    }

    /** Detects with {@code options}, prints the report to {@code out}; the exit code ({@link QuickReport} too). */
    int report(DetectOptions options, boolean json, PrintWriter out) {
        GpuEnvReport report = GpuEnv.detect(options);
        if (json) {
            out.println(report.toJson());
        } else {
            printForPeople(report, out);
        }
        out.flush();
        return exitCode(report);
    }

    /** The human form. */
    abstract void printForPeople(GpuEnvReport report, PrintWriter out);

    /** The exit code for this report. */
    abstract int exitCode(GpuEnvReport report);
}
