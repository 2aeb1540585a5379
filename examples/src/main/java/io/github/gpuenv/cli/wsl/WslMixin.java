package io.github.gpuenv.cli.wsl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every {@code gpuenv wsl} subcommand takes: {@code --wsl-exe} and {@code --json}. */
public final class WslMixin {

    /** Built on first {@code --json} output: a mapper costs ~280 databind classes, and usage builds this mixin. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--wsl-exe", paramLabel = "PATH",
            description = "The wsl.exe to run (also gpuenv.wsl-exe / GPUENV_WSL_EXE; default %%SystemRoot%%\\System32\\wsl.exe,"
                    + " or wsl.exe through interop inside WSL).")
    String wslExe;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** The {@code wsl.exe} API with this command's options. */
    public Wsl wsl() {
        WslOptions.Builder options = WslOptions.builder();
        if (wslExe != null) {
            options.wslExe(wslExe);
        }
        return Wsl.local(options.build());
    }

    public boolean json() {
        return json;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code value} as JSON. */
    public void printJson(Object value) {
        try {
            out().println(Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out().flush();
    }
}
