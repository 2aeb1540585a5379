package io.github.gpuenv.cli;

/**
 * A failure a command reports as one line, {@code gpuenv: <what> → <whatToDo>}, with its exit code
 * ({@link GpuEnvCli#USAGE}, {@link GpuEnvCli#INTERNAL}, …). Thrown from a command's {@code call()}; {@link ExitCodes}
 * prints it.
 *
 * <p>{@code throw new CliFailure(GpuEnvCli.INTERNAL, "nvidia-smi -L exited 9 in the container", "gpuenv doctor");}
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String whatToDo;

    CliFailure(int exitCode, String what, String whatToDo) {
        super(what);
        this.exitCode = exitCode;
        this.whatToDo = whatToDo;
    }

    int exitCode() {
        return exitCode;
    }

    String whatToDo() {
        return whatToDo;
    }
}
