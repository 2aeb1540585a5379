package io.github.gpuenv.examples.bench;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures, in one JVM and one run: one {@code nvidia-smi --query-gpu} process, a warm GPU fact
 * ({@link GpuEnv#nvidia}), and a warm full {@link GpuEnv#detect}. Not a test: it prints figures.
 *
 * <pre>java -cp examples/target/gpuenv.jar io.github.gpuenv.examples.bench.DetectBenchmark [iterations] [skip…]</pre>
 */
public final class DetectBenchmark {

    private DetectBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        DetectOptions.Builder builder = DetectOptions.builder();
        for (int i = 1; i < args.length; i++) {
            builder.skipProbe(args[i]);
        }
        DetectOptions options = builder.build();

        List<String> smi = List.of("nvidia-smi",
                "--query-gpu=index,name,uuid,pci.bus_id,driver_version,memory.total,compute_cap",
                "--format=csv,noheader,nounits");
        Stats process = measure(iterations, () -> {
            CommandResult r = CommandRunner.system().run(smi, Duration.ofSeconds(10));
            return r.succeeded() ? "ok" : r.summary();
        });
        Fact<NvidiaDriver> first = GpuEnv.nvidia(options);
        Stats gpuFact = measure(iterations, () -> GpuEnv.nvidia(options).describe());
        Stats detect = measure(Math.max(5, iterations / 5), () -> String.valueOf(GpuEnv.detect(options).ready()));

        System.out.println("GPU fact: " + first.describe() + " " + first.toOptional().map(NvidiaDriver::gpus).orElse(List.of()));
        System.out.println(process.line("nvidia-smi --query-gpu process"));
        System.out.println(gpuFact.line("GpuEnv.nvidia() warm"));
        System.out.println(detect.line("GpuEnv.detect() warm"));
        if (process.ok && gpuFact.median > 0) {
            System.out.printf("speed-up of the warm GPU fact over one nvidia-smi process: %.1fx%n",
                    process.median / gpuFact.median);
        }
    }

    private record Stats(double median, double p90, double min, int n, boolean ok, String sample) {
        String line(String what) {
            return String.format("%-34s n=%-4d median %9.3f ms  p90 %9.3f ms  min %9.3f ms  (%s)", what, n, median,
                    p90, min, sample);
        }
    }

    private static Stats measure(int n, Supplier<String> work) {
        String sample = work.get(); // warm-up
        for (int i = 0; i < Math.min(10, n); i++) {
            work.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            sample = work.get();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        return new Stats(millis.get(n / 2), millis.get((int) Math.min(n - 1, Math.ceil(n * 0.9) - 1)), millis.get(0), n,
                "ok".equals(sample) || !sample.startsWith("not found"), sample);
    }
}
