package io.github.gpuenv.testcontainers;

import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/**
 * A Testcontainers user's program, for {@code GpuContainersIT} (Testcontainers reads {@code DOCKER_HOST} from the
 * environment, so each engine gets a JVM of its own): starts the test image with {@code GpuContainers.gpus} and the
 * request in the first argument ({@code --gpus} syntax), running the shell command in the second, and prints
 * {@code OUT <logs>} or {@code FAILED <the whole cause chain>}. A third argument is a capture of the engine's host
 * (preflight judges by it), the following ones {@code KEY=VALUE} environment of the container.
 */
public final class ContainerMain {

    private ContainerMain() {
    }

    /** The engine's host as a {@code gpuenv capture} directory describes it. */
    private static io.github.gpuenv.DetectOptions engineHost(String captureDir) {
        try {
            return io.github.gpuenv.capture.MachineCapture.replayOptions(java.nio.file.Path.of(captureDir)).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        String image = System.getenv("GPUENV_TEST_IMAGE");
        try (GenericContainer<?> container = args.length > 2
                ? GpuContainers.gpus(new GenericContainer<>(image), GpuRequest.parse(args[0]), Attach.AUTO, false, true,
                        engineHost(args[2]))
                : GpuContainers.gpus(new GenericContainer<>(image), GpuRequest.parse(args[0]))) {
            for (int i = 3; i < args.length; i++) {
                container.withEnv(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
            if (System.getenv("GPUENV_TC_RUN") != null) {
                container.withLabel("gpuenv-test.tc-run", System.getenv("GPUENV_TC_RUN"));
            }
            container.withCommand("sh", "-c", args[1]).withStartupCheckStrategy(new OneShotStartupCheckStrategy());
            container.start();
            System.out.println("OUT " + container.getLogs().strip().replace('\n', '|'));
        } catch (RuntimeException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
            }
            System.out.println("FAILED " + chain.toString().replace('\n', ' '));
        }
    }
}
