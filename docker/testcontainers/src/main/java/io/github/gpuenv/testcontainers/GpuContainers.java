package io.github.gpuenv.testcontainers;

import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.report.DockerEngine;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Gives a Testcontainers container GPUs, decided from the facts of the engine Testcontainers talks to (the endpoint
 * of its {@code DockerClientFactory}): {@link Attach#AUTO} picks CDI devices where the engine serves them (always on
 * Podman, where a toolkit request is refused with {@code GpuRequestIgnoredException}), the toolkit's {@code --gpus}
 * device request otherwise, and injection only when asked. Testcontainers' own heuristic (an
 * {@code nvidia} runtime name in {@code /info}) is wrong both ways: Docker Desktop lists the runtime on machines
 * without NVIDIA GPUs (testcontainers-java#9287), {@code --gpus} needs no runtime name, and Podman ignores such a
 * request.
 *
 * <pre>{@code
 * GenericContainer<?> vllm = GpuContainers.gpus(new GenericContainer<>("vllm/vllm-openai:latest"), GpuRequest.all());
 * }</pre>
 *
 * <p>Cost: one connection to the engine (its {@code /version} and {@code /info}) when called; nothing at start.
 */
public final class GpuContainers {

    private GpuContainers() {
    }

    /** {@code request}'s GPUs with {@link Attach#AUTO}, never injection. */
    public static <C extends GenericContainer<?>> C gpus(C container, GpuRequest request) {
        return gpus(container, request, Attach.AUTO, false);
    }

    /**
     * {@code request}'s GPUs with {@code attach}.
     *
     * @param allowInject whether {@link Attach#AUTO} may choose {@link Attach#INJECT} (an engine without a GPU
     *        path: the host's driver files are mounted read-only)
     * @throws io.github.gpuenv.docker.DockerGpuException when the engine cannot be reached, or the request cannot be
     *         served (e.g. {@link Attach#INJECT} without NVIDIA driver files)
     */
    public static <C extends GenericContainer<?>> C gpus(C container, GpuRequest request, Attach attach,
                                                         boolean allowInject) {
        Consumer<com.github.dockerjava.api.command.CreateContainerCmd> modifier = modifier(request, attach,
                allowInject);
        container.withCreateContainerCmdModifier(modifier::accept);
        return container;
    }

    /** The engine Testcontainers uses, as gpuenv's {@code docker} fact sees it (endpoint, GPU path, CDI devices). */
    public static DockerEngine engine() {
        try (DockerGpu docker = connect()) {
            return docker.engine();
        }
    }

    private static Consumer<com.github.dockerjava.api.command.CreateContainerCmd> modifier(GpuRequest request,
                                                                                         Attach attach,
                                                                                         boolean allowInject) {
        try (DockerGpu docker = connect()) {
            return docker.gpuModifier(request, attach, allowInject);
        }
    }

    /** A connection to Testcontainers' engine; never sweeps (the containers there are Testcontainers' business). */
    private static DockerGpu connect() {
        String host = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        return DockerGpu.connect(ConnectOptions.builder().dockerHost(host).removeLeftovers(false).build());
    }
}
