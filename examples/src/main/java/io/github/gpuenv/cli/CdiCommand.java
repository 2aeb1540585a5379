package io.github.gpuenv.cli;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.cdi.GpuInjection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gpuenv cdi generate [--output FILE] [--root DIR]} and {@code gpuenv cdi list}: a CDI spec for this host's
 * NVIDIA driver, without the NVIDIA Container Toolkit. Exit 0; 125 when there is no usable driver
 * (the message says why and what to do); 2 on usage errors.
 */
@Command(name = "cdi", mixinStandardHelpOptions = true,
        description = "Generate a CDI spec (nvidia.com/gpu) for this host's NVIDIA driver.",
        subcommands = {CdiCommand.Generate.class, CdiCommand.ListDevices.class})
final class CdiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "cdi needs a subcommand: generate or list → "
                + CliError.usageHint(spec.commandLine()));
    }

    /** The options both subcommands take. */
    static final class RootOption {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--root", paramLabel = "DIR",
                description = "Read the driver files under DIR instead of / (also GPUENV_ROOT).")
        String root;

        GpuInjection discover() {
            Map<ConfigKey, String> given = root == null ? Map.of() : Map.of(ConfigKey.ROOT, root);
            return GpuInjection.discover(CliDetectOptions.of(given, spec.commandLine()));
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = {
            "Print the CDI spec as JSON, or write it to FILE (atomically; parent directories are created).",
            "Install: gpuenv cdi generate --output /etc/cdi/nvidia.json, then docker run --device nvidia.com/gpu=all …"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        RootOption root = new RootOption();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the spec to FILE instead of stdout.")
        Path output;

        @Override
        public Integer call() throws IOException {
            String json = root.discover().cdiSpecJson();
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(json);
                out.flush();
            } else {
                writeAtomically(output, json);
                spec.commandLine().getErr().println("wrote " + output.toAbsolutePath());
            }
            return GpuEnvCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the CDI device names the spec would define, one a line.")
    static final class ListDevices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        RootOption root = new RootOption();

        @Override
        public Integer call() {
            root.discover().cdiDeviceNames().forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return GpuEnvCli.OK;
        }
    }

    /** Writes a temporary file beside {@code target} and moves it into place, so a reader never sees half a spec. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                // readable by the engine and by users (the spec holds no secret); createTempFile made it 0600
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default permissions
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
