package io.github.gpuenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpuenv wsl}: placeholder, filled in by its module's work. */
@Command(name = "wsl", description = "(not yet available)", hidden = true)
final class WslCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gpuenv wsl: not yet available in this build");
        return GpuEnvCli.INTERNAL;
    }
}
