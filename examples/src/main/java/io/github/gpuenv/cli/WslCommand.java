package io.github.gpuenv.cli;

import io.github.gpuenv.cli.wsl.WslActionCommands;
import io.github.gpuenv.cli.wsl.WslListCommand;
import io.github.gpuenv.cli.wsl.WslRunCommand;
import io.github.gpuenv.cli.wsl.WslSetupGpuDockerCommand;
import io.github.gpuenv.cli.wsl.WslStatusCommand;
import io.github.gpuenv.cli.wsl.WslVersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gpuenv wsl …}: WSL management through {@code wsl.exe} (module {@code gpuenv-wsl}). Every subcommand takes
 * {@code --wsl-exe PATH} (or {@code GPUENV_WSL_EXE}) and {@code --json}. Exit codes: 0 ok, 1 a check failed
 * ({@code status} found a problem, a set-up step failed), 2 usage, 125 {@code wsl.exe} failed; {@code run} exits
 * with the command's code.
 */
@Command(name = "wsl", mixinStandardHelpOptions = true,
        description = "Manage WSL through wsl.exe; set up a WSL 2 distribution for CUDA containers.",
        subcommands = {WslListCommand.class, WslStatusCommand.class, WslVersionCommand.class,
                WslActionCommands.Install.class, WslActionCommands.Export.class, WslActionCommands.Import.class,
                WslRunCommand.class, WslActionCommands.Terminate.class, WslActionCommands.Shutdown.class,
                WslActionCommands.Unregister.class, WslActionCommands.SetVersion.class,
                WslActionCommands.SetDefault.class, WslActionCommands.Update.class, WslSetupGpuDockerCommand.class})
final class WslCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
