package io.github.gpuenv.testing;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;

/** A child JVM's {@code main}: the zero-argument {@link GpuEnv#detect()}, its report's JSON on stdout. */
public final class DetectMain {

    private DetectMain() {
    }

    public static void main(String[] args) {
        GpuEnvReport report = GpuEnv.detect();
        System.out.println(report.toJson());
    }
}
