package io.github.gpuenv.testcontainers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.LaunchPlan;
import io.github.gpuenv.docker.RunOptions;
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
 * <p>Cost: one connection to the engine (its {@code /version} and {@code /info}) when called; at start, with
 * preflight (the default), one more connection, an image inspection and, for a local engine, the detection of this
 * machine's NVIDIA driver.
 */
public final class GpuContainers {

    private GpuContainers() {
    }

    /** {@code request}'s GPUs with {@link Attach#AUTO}, never injection. */
    public static <C extends GenericContainer<?>> C gpus(C container, GpuRequest request) {
        return gpus(container, request, Attach.AUTO, false);
    }

    /**
     * {@code request}'s GPUs with {@code attach}, checked by gpuenv's preflight when the container is created.
     *
     * @param allowInject whether {@link Attach#AUTO} may choose {@link Attach#INJECT} (an engine without a GPU
     *        path: the host's driver files are mounted read-only)
     * @throws io.github.gpuenv.docker.DockerGpuException when the engine cannot be reached, or the request cannot be
     *         served (e.g. {@link Attach#INJECT} without NVIDIA driver files)
     */
    public static <C extends GenericContainer<?>> C gpus(C container, GpuRequest request, Attach attach,
                                                         boolean allowInject) {
        return gpus(container, request, attach, allowInject, true, null);
    }

    /**
     * {@code request}'s GPUs with {@code attach}; with {@code preflight}, the container is checked as
     * {@code DockerGpu.run} checks a run before anything is created — the image's platform, the GPU selection against
     * the engine host's GPUs, the image's {@code NVIDIA_REQUIRE_CUDA} (and the container's {@code withEnv} overrides)
     * against its driver — and a refusal fails the container's start with the typed exception
     * ({@code CudaRequirementUnsatisfiedException}, …) before Testcontainers creates it.
     *
     * @param preflight whether to check (false: the engine and the NVIDIA toolkit answer for themselves)
     * @param engineHost the engine's host described by detection options (a {@code gpuenv capture} of a remote
     *        engine's host, or a test's fixture); null: this machine, when the engine runs here
     */
    public static <C extends GenericContainer<?>> C gpus(C container, GpuRequest request, Attach attach,
                                                         boolean allowInject, boolean preflight,
                                                         DetectOptions engineHost) {
        Consumer<CreateContainerCmd> modifier = modifier(request, attach, allowInject);
        Consumer<CreateContainerCmd> checked = !preflight ? modifier : cmd -> {
            check(cmd, request, attach, allowInject, engineHost);
            modifier.accept(cmd);
        };
        container.withCreateContainerCmdModifier(checked::accept);
        return container;
    }

    /** The engine Testcontainers uses, as gpuenv's {@code docker} fact sees it (endpoint, GPU path, CDI devices). */
    public static DockerEngine engine() {
        try (DockerGpu docker = connect(null)) {
            return docker.engine();
        }
    }

    private static Consumer<CreateContainerCmd> modifier(GpuRequest request, Attach attach, boolean allowInject) {
        try (DockerGpu docker = connect(null)) {
            return docker.gpuModifier(request, attach, allowInject);
        }
    }

    /** Preflight of the container about to be created: its image and environment, this request. */
    private static void check(CreateContainerCmd cmd, GpuRequest request, Attach attach, boolean allowInject,
                              DetectOptions engineHost) {
        RunOptions.Builder run = RunOptions.builder(cmd.getImage()).gpus(request).attach(attach)
                .allowInject(allowInject);
        for (String pair : cmd.getEnv() == null ? new String[0] : cmd.getEnv()) {
            int eq = pair == null ? -1 : pair.indexOf('=');
            if (eq > 0) {
                run.env(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        LaunchPlan plan;
        try (DockerGpu docker = connect(engineHost)) {
            plan = docker.plan(run.build());
        }
        if (plan.refused()) {
            throw plan.refusal();
        }
    }

    /** A connection to Testcontainers' engine; never sweeps (the containers there are Testcontainers' business). */
    private static DockerGpu connect(DetectOptions engineHost) {
        String host = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        ConnectOptions.Builder options = ConnectOptions.builder().dockerHost(host).removeLeftovers(false);
        if (engineHost != null) {
            options.engineHostFacts(engineHost);
        }
        return DockerGpu.connect(options.build());
    }
}
