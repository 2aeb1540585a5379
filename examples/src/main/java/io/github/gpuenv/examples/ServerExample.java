package io.github.gpuenv.examples;

import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuContainer;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.WaitCondition;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A long-running GPU server, the way a model server is run: started detached, waited for until its port answers,
 * used over HTTP, stopped with a grace period and removed. The "server" is busybox's httpd serving what
 * {@code nvidia-smi -L} printed in the container, on the host's network (as on a host whose engine has no bridge).
 *
 * <p>{@code java -cp examples/target/gpuenv.jar io.github.gpuenv.examples.ServerExample IMAGE PORT [--no-gpus]}
 * (the image needs busybox; with GPUs, gpuenv gives it the driver's {@code nvidia-smi}).
 */
public final class ServerExample {

    private ServerExample() {
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        int port = Integer.parseInt(args[1]);
        boolean gpus = args.length < 3 || !args[2].equals("--no-gpus");
        String page = gpus ? "nvidia-smi -L" : "echo no GPUs requested";
        RunOptions.Builder options = RunOptions.builder(image).pullPolicy(PullPolicy.NEVER).network("host")
                .command("sh", "-c", "mkdir -p /tmp/www && " + page + " > /tmp/www/index.html && exec busybox httpd -f"
                        + " -p 127.0.0.1:" + port + " -h /tmp/www");
        if (gpus) {
            options.gpus(GpuRequest.all());
        }
        try (DockerGpu docker = DockerGpu.connect();
             GpuContainer server = docker.start(options.build())) {          // removed on close, whatever happens
            long t0 = System.nanoTime();
            server.waitUntil(WaitCondition.portOpen(port), Duration.ofMinutes(2));
            System.out.printf("server %s up after %d ms (attach %s)%n", server.id().substring(0, 12),
                    (System.nanoTime() - t0) / 1_000_000, server.attach());
            HttpURLConnection get = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/index.html").toURL()
                    .openConnection();
            get.setConnectTimeout(10_000);
            get.setReadTimeout(10_000);
            try (InputStream body = get.getInputStream()) {
                System.out.print("GET /index.html → " + get.getResponseCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            server.stop(Duration.ofSeconds(2));
            System.out.println("stopped, exit code " + server.exitCode().orElse(-1));
        }
    }
}
