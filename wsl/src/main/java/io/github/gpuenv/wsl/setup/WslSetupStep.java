package io.github.gpuenv.wsl.setup;

import java.util.List;

/**
 * One step of {@link WslGpuDockerSetup}: a check that tells whether it is already done, the exact commands it runs,
 * and running them.
 *
 * <p>{@code for (WslSetupStep s : setup.steps()) System.out.println(s.id() + ": " + s.commands());}
 */
public interface WslSetupStep {

    /** A stable id, e.g. {@code "nvidia-container-toolkit"}. */
    String id();

    /** What it does, in one line. */
    String description();

    /** The exact {@code wsl.exe} argv of each command it runs, in order (what a dry run prints). */
    List<List<String>> commands();

    /**
     * Whether the step's effect is already there (runs a read-only check; may run {@code wsl.exe}). Steps that
     * verify rather than change (the requirement check, the smoke test) are never done.
     */
    boolean isDone();

    /**
     * Runs the commands.
     *
     * @throws WslSetupException at the first command that fails, with the diagnosis and remedy
     */
    void run();
}
