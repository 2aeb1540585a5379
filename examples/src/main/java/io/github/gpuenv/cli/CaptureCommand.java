package io.github.gpuenv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gpuenv capture DIR}: placeholder until the capture API lands. */
@Command(name = "capture", description = "(not yet available)", hidden = true)
final class CaptureCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gpuenv capture: not yet available in this build");
        return GpuEnvCli.INTERNAL;
    }
}
