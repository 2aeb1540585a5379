package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.cli.GpuEnvCli;
import io.github.gpuenv.wsl.WslConfirmation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code gpuenv wsl} subcommands that change something and print only whether it worked. */
public final class WslActionCommands {

    private WslActionCommands() {
    }

    static int done(WslMixin common, String operation, String distribution, String message) {
        if (common.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", operation);
            m.put("distribution", distribution);
            m.put("ok", true);
            common.printJson(m);
        } else {
            common.out().println(message);
            common.out().flush();
        }
        return GpuEnvCli.OK;
    }

    /** {@code gpuenv wsl install NAME [--web-download]}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install a distribution without launching it (wsl.exe --install -d NAME --no-launch).")
    public static final class Install implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--web-download", description = "Download from the web instead of the Microsoft Store.")
        boolean webDownload;

        @Override
        public Integer call() {
            common.wsl().install(name, webDownload);
            return done(common, "install", name, "installed " + name);
        }
    }

    /** {@code gpuenv wsl export NAME FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a distribution to a tar file.")
    public static final class Export implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            common.wsl().export(name, file);
            return done(common, "export", name, "exported " + name + " to " + file);
        }
    }

    /** {@code gpuenv wsl import NAME DIR FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a tar file as a WSL 2 distribution stored in DIR (wsl.exe --import … --version 2).")
    public static final class Import implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "DIR")
        String directory;
        @Parameters(index = "2", paramLabel = "FILE")
        String file;

        @Override
        public Integer call() {
            common.wsl().importDistribution(name, directory, file);
            return done(common, "import", name, "imported " + file + " as " + name + " into " + directory);
        }
    }

    /** {@code gpuenv wsl terminate NAME}. */
    @Command(name = "terminate", mixinStandardHelpOptions = true, description = "Stop one distribution.")
    public static final class Terminate implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            common.wsl().terminate(name);
            return done(common, "terminate", name, "terminated " + name);
        }
    }

    /** {@code gpuenv wsl shutdown}. */
    @Command(name = "shutdown", mixinStandardHelpOptions = true,
            description = "Stop every distribution and the WSL 2 virtual machine.")
    public static final class Shutdown implements Callable<Integer> {
        @Mixin
        WslMixin common;

        @Override
        public Integer call() {
            common.wsl().shutdown();
            return done(common, "shutdown", null, "WSL shut down");
        }
    }

    /** {@code gpuenv wsl unregister NAME --yes}. */
    @Command(name = "unregister", mixinStandardHelpOptions = true,
            description = "Delete a distribution and ALL its files (requires --yes).")
    public static final class Unregister implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "Confirm that every file of NAME is to be deleted.")
        boolean yes;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!yes) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unregistering " + name + " deletes all its files: add --yes to confirm");
            }
            common.wsl().unregister(name, WslConfirmation.deleteAllFilesOf(name));
            return done(common, "unregister", name, "unregistered " + name);
        }
    }

    /** {@code gpuenv wsl set-version NAME 1|2}. */
    @Command(name = "set-version", mixinStandardHelpOptions = true, description = "Convert a distribution to WSL 1 or 2.")
    public static final class SetVersion implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "VERSION", description = "1 or 2")
        int version;

        @Override
        public Integer call() {
            common.wsl().setVersion(name, version);
            return done(common, "set-version", name, name + " is now WSL " + version);
        }
    }

    /** {@code gpuenv wsl set-default NAME}. */
    @Command(name = "set-default", mixinStandardHelpOptions = true, description = "Make a distribution the default.")
    public static final class SetDefault implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            common.wsl().setDefault(name);
            return done(common, "set-default", name, name + " is now the default distribution");
        }
    }

    /** {@code gpuenv wsl update [--web-download]}. */
    @Command(name = "update", mixinStandardHelpOptions = true, description = "Update WSL and its kernel.")
    public static final class Update implements Callable<Integer> {
        @Mixin
        WslMixin common;
        @Option(names = "--web-download", description = "Download from GitHub instead of the Microsoft Store.")
        boolean webDownload;

        @Override
        public Integer call() {
            common.wsl().update(webDownload);
            return done(common, "update", null, "WSL updated");
        }
    }
}
