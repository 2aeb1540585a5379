package io.github.gpuenv.examples.bench;

import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Launch latency of a trivial container whose image is present, measured in one run on one engine: the Java API
 * with a warm client, {@code docker run --rm} (the Docker CLI), and the {@code gpuenv run} CLI with JVM start; then
 * 32 concurrent launches through one client (throughput, and how many containers were left). The container runs
 * {@code --command} (default {@code true}; split on spaces, e.g. {@code --command "echo ok"} for an image without
 * {@code true}); without a Docker CLI at {@code --docker} the CLI comparison and the leftover count are skipped.
 *
 * <p>{@code java -cp examples/target/gpuenv.jar io.github.gpuenv.examples.bench.LaunchBenchmark
 * --host unix:///var/run/docker.sock --image gpuenv/busybox:test --runs 20 --command true}
 */
public final class LaunchBenchmark {

    private LaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = arguments(args);
        String host = a.getOrDefault("--host", System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
        String image = a.getOrDefault("--image", "gpuenv/busybox:test");
        int runs = Integer.parseInt(a.getOrDefault("--runs", "20"));
        int cliRuns = Integer.parseInt(a.getOrDefault("--cli-runs", "5"));
        int concurrent = Integer.parseInt(a.getOrDefault("--concurrent", "32"));
        String docker = a.getOrDefault("--docker", "/usr/bin/docker");
        String jar = a.getOrDefault("--jar", "examples/target/gpuenv.jar");
        List<String> command = List.of(a.getOrDefault("--command", "true").strip().split("\\s+"));
        boolean dockerCli = Files.isExecutable(Path.of(docker));

        System.out.println("engine " + host + ", image " + image + ", " + runs + " runs each (" + cliRuns
                + " for gpuenv run), command `" + String.join(" ", command) + "`, network none");
        try (DockerGpu gpu = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
            System.out.println("engine version " + gpu.engine().serverVersion() + ", API "
                    + gpu.engine().negotiatedApiVersion());
            RunOptions options = RunOptions.builder(image).command(command).pullPolicy(PullPolicy.NEVER).build();
            for (int i = 0; i < 3; i++) {
                gpu.run(options);
            }
            List<Long> api = new ArrayList<>();
            List<List<Long>> phases = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                phases.add(new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                RunResult r = gpu.run(options);
                api.add(System.nanoTime() - t);
                require(r.exitCode() == 0, "API run exited " + r.exitCode());
                phases.get(0).add(r.timings().pull().toNanos());
                phases.get(1).add(r.timings().create().toNanos());
                phases.get(2).add(r.timings().start().toNanos());
                phases.get(3).add(r.timings().run().toNanos());
                phases.get(4).add(r.timings().remove().toNanos());
            }
            List<Long> cli = dockerCli
                    ? time(runs, concat(List.of(docker, "run", "--rm", "--network", "none", image), command), host)
                    : List.of();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Long> gpuenv = Files.exists(Path.of(jar))
                    ? time(cliRuns, concat(List.of(java, "-jar", jar, "run", "-H", host, "--pull", "never", image), command),
                            host)
                    : List.of();
            report("Java API, warm client", api);
            System.out.printf("  phases (median ms): image %.1f, create %.1f, start %.1f, run %.1f, remove %.1f%n",
                    median(phases.get(0)) / 1e6, median(phases.get(1)) / 1e6, median(phases.get(2)) / 1e6,
                    median(phases.get(3)) / 1e6, median(phases.get(4)) / 1e6);
            if (dockerCli) {
                report("docker run --rm (CLI)", cli);
            } else {
                System.out.println("docker run --rm (CLI): skipped, no docker CLI at " + docker + " (--docker PATH)");
            }
            if (!gpuenv.isEmpty()) {
                report("gpuenv run (CLI, JVM start)", gpuenv);
            } else {
                System.out.println("gpuenv run: " + jar + " not found (build it: ./mvnw -q package -DskipTests)");
            }
            if (dockerCli) {
                System.out.printf("ratio API/CLI (median): %.2f%n", median(api) / median(cli));
            }

            ExecutorService pool = Executors.newFixedThreadPool(concurrent);
            try {
                long t = System.nanoTime();
                List<Future<RunResult>> futures = new ArrayList<>();
                for (int i = 0; i < concurrent; i++) {
                    futures.add(pool.submit(() -> gpu.run(options)));
                }
                int failed = 0;
                for (Future<RunResult> f : futures) {
                    try {
                        failed += f.get(5, TimeUnit.MINUTES).exitCode() == 0 ? 0 : 1;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        System.out.println("  failed: " + e.getCause());
                    }
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf("%d concurrent launches: %.2f s, %.1f launches/s, %d failed, %s gpuenv containers left%n",
                        concurrent, seconds, concurrent / seconds, failed,
                        dockerCli ? String.valueOf(leftovers(docker, host)) : "(no docker CLI to count)");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    private static List<Long> time(int n, List<String> argv, String host) throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n + 1; i++) {
            long t = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().put("DOCKER_HOST", host);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            require(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, String.join(" ", argv) + " failed: " + out);
            if (i > 0) { // the first run warms the page cache
                times.add(System.nanoTime() - t);
            }
        }
        return times;
    }

    private static long leftovers(String docker, String host) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(docker, "ps", "-aq", "--filter", "label=io.github.gpuenv.managed=true");
        pb.environment().put("DOCKER_HOST", host);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(1, TimeUnit.MINUTES);
        return out.isEmpty() ? 0 : out.lines().count();
    }

    private static void report(String what, List<Long> nanos) {
        System.out.printf("%-30s median %7.1f ms   p90 %7.1f ms   (n=%d)%n", what, median(nanos) / 1e6,
                percentile(nanos, 0.9) / 1e6, nanos.size());
    }

    static double median(List<Long> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Map<String, String> arguments(String[] args) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            map.put(args[i], args[i + 1]);
        }
        return map;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
