package io.github.gpuenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpuenv run}: placeholder, filled in by its module's work. */
@Command(name = "run", description = "(not yet available)", hidden = true)
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gpuenv run: not yet available in this build");
        return GpuEnvCli.INTERNAL;
    }
}
