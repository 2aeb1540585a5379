package io.github.gpuenv.spi;

import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What probes and checks read of a detection's settings. {@code io.github.gpuenv.DetectOptions} is the one
 * implementation; probes and providers see it through this interface, so that the detection's internals depend on
 * the settings and not on the public entry point that builds them.
 *
 * <p>{@code Duration limit = context.options().probeTimeout();}
 */
public interface DetectSettings {

    /** The directory probed files are read under; {@code /} on a live machine. */
    Path root();

    /** Reads every probed file. */
    FileView files();

    /** Runs every external command (under a fixture root: replays a capture's, or runs nothing). */
    CommandRunner commandRunner();

    /** Whether detection reads the live machine (files rooted at a filesystem root). */
    boolean liveMachine();

    /** Environment variables and system properties the probes read. */
    Environment environment();

    /** The time limit of one probe. */
    Duration probeTimeout();

    /** The time limit of a whole detection. */
    Duration deadline();

    /** Probe ids to skip. */
    Set<String> skippedProbes();

    /** Whether a probe id ({@code nvml}) or fact-qualified probe id ({@code nvidia.procfs}) is to be skipped. */
    boolean skips(String probeId);

    /** An NVML library to try first on the live machine (never loaded under a fixture root). */
    Optional<Path> nvmlLibrary();

    /** The lowest Windows 11 {@code build.UBR} accepted, e.g. {@code "22000.160"}. */
    String minWindows11Build();

    /** The lowest Windows 10 {@code build.UBR} accepted, e.g. {@code "19044.1200"}. */
    String minWindows10Build();

    /** The lowest WSL2 kernel accepted, e.g. {@code "5.10.43"}. */
    String minWslKernel();

    /** Whether the Docker probe may start a short GPU container. */
    boolean dockerProbeContainer();

    /** The wsl.exe to run, when configured. */
    Optional<String> wslExe();
}
