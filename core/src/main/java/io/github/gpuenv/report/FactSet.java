package io.github.gpuenv.report;

import java.util.Objects;

/**
 * Every fact of one detection, before checks are applied.
 *
 * @param os the operating system
 * @param windows the Windows build (on Windows, or the host's from inside WSL)
 * @param wsl WSL from inside a distribution
 * @param wslHost WSL from the Windows side ({@code gpuenv-wsl})
 * @param nvidia the NVIDIA driver and GPUs
 * @param container this process's container environment
 * @param toolkit the NVIDIA Container Toolkit on this host
 * @param docker the Docker Engine ({@code gpuenv-docker})
 */
public record FactSet(Fact<OperatingSystem> os, Fact<WindowsHost> windows, Fact<WslEnvironment> wsl,
                      Fact<WslHost> wslHost, Fact<NvidiaDriver> nvidia, Fact<ContainerEnvironment> container,
                      Fact<ContainerToolkit> toolkit, Fact<DockerEngine> docker) {
    public FactSet {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(wsl, "wsl");
        Objects.requireNonNull(wslHost, "wslHost");
        Objects.requireNonNull(nvidia, "nvidia");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(toolkit, "toolkit");
        Objects.requireNonNull(docker, "docker");
    }
}
