package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.internal.probe.FactChain;

/** The probe chains of the container environment and the NVIDIA Container Toolkit. */
public final class ContainerFacts {

    private ContainerFacts() {
    }

    /** {@code container}: marker files, cgroup, mountinfo and variables ({@link MarkerContainerProbe}). */
    public static FactChain<ContainerEnvironment> container() {
        return FactChain.of("container", new MarkerContainerProbe());
    }

    /** {@code toolkit}: executables, config.toml, daemon.json and CDI specs ({@link HostFilesToolkitProbe}). */
    public static FactChain<ContainerToolkit> toolkit() {
        return FactChain.of("toolkit", new HostFilesToolkitProbe());
    }
}
