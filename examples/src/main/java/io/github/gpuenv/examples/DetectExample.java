package io.github.gpuenv.examples;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;

/**
 * The README's "Detect in ten lines", compiled so it cannot rot:
 * {@code java -cp examples/target/gpuenv.jar io.github.gpuenv.examples.DetectExample}.
 */
public final class DetectExample {

    private DetectExample() {
    }

    public static void main(String[] args) {
        GpuEnvReport report = GpuEnv.detect();                       // never throws for anything about the machine
        report.nvidia().toOptional().ifPresent(d ->
                d.gpus().forEach(g -> System.out.println(g.name() + " " + g.memoryTotalBytes() + " bytes")));
        if (!report.ready()) {
            for (Check c : report.failures()) {
                System.out.println(c.id() + ": " + c.message() + "\n  fix: " + c.remedy());
            }
        }
        System.out.println(report.toJson());                         // the documented JSON contract
    }
}
