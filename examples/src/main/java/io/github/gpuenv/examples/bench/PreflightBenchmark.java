package io.github.gpuenv.examples.bench;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.LaunchPlan;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.RunResult;
import io.github.gpuenv.report.CheckStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What preflight adds to a warm launch: the same GPU run ({@code --gpus all}, an image whose
 * {@code NVIDIA_REQUIRE_CUDA} is checked) with preflight on and off, interleaved so drift in the engine's speed
 * hits both alike; then the preflight work alone: {@code DockerGpu.plan} (inspection, create request, the plan's
 * JSON) with preflight on and off, interleaved — the difference is the rules and the cached facts' lookup. The engine's host is given as a gpuenv capture
 * ({@code --capture}) so every rule has facts to judge by; the engine must serve {@code --gpus} (a real GPU host, or
 * the CI's stand-in toolkit hook engine). The container runs {@code --command} (default {@code true}, split on spaces).
 * Prints medians and p90s in milliseconds.
 *
 * <p>{@code java -cp examples/target/gpuenv.jar io.github.gpuenv.examples.bench.PreflightBenchmark --host
 * unix:///run/gpuenv-docker-hook/docker.sock --image gpuenv/preflight:cuda13 --capture
 * core/src/test/resources/fixtures/h200-gpuenv-capture --runs 40}
 */
public final class PreflightBenchmark {

    private PreflightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        String host = a.getOrDefault("--host", "unix:///run/gpuenv-docker-hook/docker.sock");
        String image = a.getOrDefault("--image", "gpuenv/busybox:test");
        int runs = Integer.parseInt(a.getOrDefault("--runs", "40"));
        List<String> command = List.of(a.getOrDefault("--command", "true").strip().split("\\s+"));
        ConnectOptions.Builder connect = ConnectOptions.builder().dockerHost(host);
        if (a.containsKey("--capture")) {
            DetectOptions facts = MachineCapture.replayOptions(Path.of(a.get("--capture"))).build();
            connect.engineHostFacts(facts);
        }
        RunOptions on = RunOptions.builder(image).command(command).pullPolicy(PullPolicy.NEVER).gpus(GpuRequest.all())
                .build();
        RunOptions off = on.toBuilder().preflight(false).build();
        try (DockerGpu gpu = DockerGpu.connect(connect.build())) {
            long t = System.nanoTime();
            LaunchPlan first = gpu.plan(on);
            double firstMs = (System.nanoTime() - t) / 1e6;
            System.out.println("engine " + host + " (" + gpu.engine().serverVersion() + "), image " + image + ", "
                    + runs + " runs each, --gpus all");
            first.checks().forEach(c -> System.out.println("  " + c.status().id() + " " + c.id() + ": " + c.message()));
            if (first.refused() || first.checks().stream().noneMatch(c -> c.status() == CheckStatus.PASS
                    && c.id().equals("preflight.gpu-selection"))) {
                System.out.println("preflight has nothing to judge by, or refuses: give --capture and an image it"
                        + " passes");
                return;
            }
            System.out.printf("first plan (engine host facts detected): %.1f ms%n", firstMs);
            for (int i = 0; i < 5; i++) {
                require(gpu.run(on).exitCode() == 0);
                require(gpu.run(off).exitCode() == 0);
            }
            List<Long> withPreflight = new ArrayList<>();
            List<Long> without = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                boolean onFirst = i % 2 == 0;
                for (RunOptions o : onFirst ? List.of(on, off) : List.of(off, on)) {
                    long s = System.nanoTime();
                    RunResult r = gpu.run(o);
                    long elapsed = System.nanoTime() - s;
                    require(r.exitCode() == 0);
                    (o.preflight() ? withPreflight : without).add(elapsed);
                }
            }
            report("warm launch, preflight on", withPreflight);
            report("warm launch, preflight off", without);
            System.out.printf("difference of medians: %+.2f ms%n",
                    (LaunchBenchmark.median(withPreflight) - LaunchBenchmark.median(without)) / 1e6);

            // the same prepared run with and without preflight: only the rules and the facts lookup differ
            List<Long> plansOn = new ArrayList<>();
            List<Long> plansOff = new ArrayList<>();
            for (int i = 0; i < runs * 10; i++) {
                for (RunOptions o : i % 2 == 0 ? List.of(on, off) : List.of(off, on)) {
                    long s = System.nanoTime();
                    gpu.plan(o);
                    (o.preflight() ? plansOn : plansOff).add(System.nanoTime() - s);
                }
            }
            report("plan(), preflight on", plansOn);
            report("plan(), preflight off", plansOff);
            System.out.printf("preflight's own work (difference of medians): %+.3f ms%n",
                    (LaunchBenchmark.median(plansOn) - LaunchBenchmark.median(plansOff)) / 1e6);
        }
    }

    private static void report(String what, List<Long> nanos) {
        System.out.printf("%-40s median %7.2f ms   p90 %7.2f ms   (n=%d)%n", what,
                LaunchBenchmark.median(nanos) / 1e6, LaunchBenchmark.percentile(nanos, 0.9) / 1e6, nanos.size());
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("a run failed");
        }
    }
}
