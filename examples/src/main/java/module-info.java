/**
 * The {@code gpuenv} command-line tool ({@code io.github.gpuenv.cli}), the runnable examples
 * ({@code io.github.gpuenv.examples}) and benchmarks ({@code io.github.gpuenv.examples.bench}). It uses only the
 * exported API of the library modules; it exports nothing.
 */
module io.github.gpuenv.examples {
    requires io.github.gpuenv;
    requires io.github.gpuenv.docker;
    requires io.github.gpuenv.wsl;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    /* picocli reads and writes the annotated fields of the commands. */
    opens io.github.gpuenv.cli to info.picocli;
    opens io.github.gpuenv.cli.wsl to info.picocli;
}
