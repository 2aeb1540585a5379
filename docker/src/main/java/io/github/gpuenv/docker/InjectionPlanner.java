package io.github.gpuenv.docker;

import io.github.gpuenv.cdi.InjectionPlan;
import java.util.List;

/**
 * Computes what a container needs to use GPUs without the NVIDIA Container Toolkit ({@link Attach#INJECT}):
 * device nodes, read-only driver mounts and environment, from this host's driver files.
 *
 * <p>{@code DockerGpu.connect(ConnectOptions.builder().injectionPlanner(ids -> myPlan).build())}
 */
@FunctionalInterface
public interface InjectionPlanner {

    /**
     * The plan for the GPUs {@code gpuIds} ({@code ["all"]}, indices or UUIDs).
     *
     * @throws io.github.gpuenv.GpuEnvException when the host's driver files cannot give one
     */
    InjectionPlan plan(List<String> gpuIds);

    /**
     * The default planner: this host's NVIDIA driver files, discovered through {@code options}' file view each time a
     * plan is asked for ({@link io.github.gpuenv.cdi.GpuInjection}).
     */
    static InjectionPlanner fromHost(io.github.gpuenv.DetectOptions options) {
        return gpuIds -> io.github.gpuenv.cdi.GpuInjection.discover(options).plan(gpuIds);
    }

    /** A planner that always refuses (for callers that must never inject). */
    static InjectionPlanner unavailable() {
        return gpuIds -> {
            throw new DockerGpuException("plan GPU injection for " + gpuIds,
                    "no injection planner is configured in this build",
                    "use --attach toolkit or cdi, or pass ConnectOptions.builder().injectionPlanner(…)", null);
        };
    }
}
