package io.github.gpuenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpuenv smoke}: placeholder, filled in by its module's work. */
@Command(name = "smoke", description = "(not yet available)", hidden = true)
final class SmokeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gpuenv smoke: not yet available in this build");
        return GpuEnvCli.INTERNAL;
    }
}
