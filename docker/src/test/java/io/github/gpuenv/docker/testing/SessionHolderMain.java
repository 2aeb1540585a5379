package io.github.gpuenv.docker.testing;

import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.internal.OwnerId;
import io.github.gpuenv.system.Environment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A second process on a shared engine, for {@code SharedEngineIT}: connects to {@code DOCKER_HOST} (sweeping, as
 * every {@code DockerGpu.connect()} does), starts a {@code sleep 300} run and prints {@code OWNER <label>} and
 * {@code RUNNING <id>} once its container runs. Then, by its first argument:
 * <ul>
 *   <li>{@code hold}: waits for a line on stdin, interrupts its run and prints {@code RESULT <exception class>}
 *       (a run left alone by others ends with {@code ContainerInterruptedException});</li>
 *   <li>{@code crash}: halts at once (no shutdown hooks), as a killed process would, leaving the container.</li>
 * </ul>
 * The second argument is the lease duration (ISO-8601, e.g. {@code PT10S}).
 */
public final class SessionHolderMain {

    private SessionHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getenv("DOCKER_HOST");
        String image = System.getenv(TestEngines.IMAGE);
        ConnectOptions options = ConnectOptions.builder().environment(Environment.system())
                .leaseDuration(Duration.parse(args[1])).build();
        try (DockerGpu docker = DockerGpu.connect(options)) {
            Thread[] runner = new Thread[1];
            CompletableFuture<String> outcome = new CompletableFuture<>();
            runner[0] = new Thread(() -> {
                try {
                    docker.run(RunOptions.builder(image).command("sleep", "300").pullPolicy(PullPolicy.NEVER).build());
                    outcome.complete("completed");
                } catch (RuntimeException e) {
                    outcome.complete(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }, "holder-run");
            runner[0].start();
            String id = awaitOwnContainer(host);
            System.out.println("OWNER " + OwnerId.self().label());
            System.out.println("RUNNING " + id);
            System.out.flush();
            if (args[0].equals("crash")) {
                Runtime.getRuntime().halt(3);
            }
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            runner[0].interrupt();
            System.out.println("RESULT " + outcome.get());
            System.out.flush();
        }
    }

    private static String awaitOwnContainer(String host) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mine = TestEngines.containersOfThisJvm(host);
            if (mine.size() == 1 && TestEngines.get(host, "/containers/" + mine.get(0) + "/json")
                    .contains("\"Running\":true")) {
                return mine.get(0);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no running container of this process within 60 s");
    }
}
