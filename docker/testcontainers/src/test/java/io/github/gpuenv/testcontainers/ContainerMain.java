package io.github.gpuenv.testcontainers;

import io.github.gpuenv.docker.GpuRequest;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/**
 * A Testcontainers user's program, for {@code GpuContainersIT} (Testcontainers reads {@code DOCKER_HOST} from the
 * environment, so each engine gets a JVM of its own): starts the test image with {@code GpuContainers.gpus} and the
 * request in the first argument ({@code --gpus} syntax), running the shell command in the second, and prints
 * {@code OUT <logs>} or {@code FAILED <the whole cause chain>}.
 */
public final class ContainerMain {

    private ContainerMain() {
    }

    public static void main(String[] args) {
        String image = System.getenv("GPUENV_TEST_IMAGE");
        try (GenericContainer<?> container = GpuContainers.gpus(new GenericContainer<>(image), GpuRequest.parse(args[0]))) {
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
