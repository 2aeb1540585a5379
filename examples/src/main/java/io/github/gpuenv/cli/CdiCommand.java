package io.github.gpuenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpuenv cdi}: placeholder, filled in by its module's work. */
@Command(name = "cdi", description = "(not yet available)", hidden = true)
final class CdiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gpuenv cdi: not yet available in this build");
        return GpuEnvCli.INTERNAL;
    }
}
