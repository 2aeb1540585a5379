package io.github.gpuenv.internal.container;

import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;

/**
 * The checks of this area, in report order: container.require-cuda; toolkit.installed, toolkit.no-cgroups,
 * toolkit.container-cli, toolkit.cgroup-v2, toolkit.daemon-config; docker.reachable, docker.gpu-path,
 * docker.cdi-spec, docker.cgroup-driver.
 */
public final class ContainerChecks {

    private ContainerChecks() {
    }

    /** The checks, in report order. */
    public static List<ReadinessCheck> all() {
        return List.of(new RequireCudaCheck(), new ToolkitInstalledCheck(), new NoCgroupsCheck(),
                new ContainerCliCheck(), new ToolkitCgroupV2Check(), new DaemonConfigCheck(),
                new DockerReachableCheck(), new DockerGpuPathCheck(), new CdiSpecCheck(), new CgroupDriverCheck());
    }
}
