package io.github.gpuenv.docker;

import java.util.Objects;

/**
 * A container that ran to its end (and has been removed).
 *
 * <p>{@code RunResult r = gpu.run(options); if (r.exitCode() != 0) System.err.print(r.stderr());}
 *
 * @param exitCode the container's exit code
 * @param stdout its standard output (UTF-8), up to {@link RunOptions#maxOutputBytes()}
 * @param stderr its standard error (UTF-8), up to {@link RunOptions#maxOutputBytes()}
 * @param outputTruncated whether either stream was longer than that
 * @param containerId the id the container had
 * @param attach the GPU attach strategy used; {@code null} when no GPUs were requested
 * @param timings where the time went
 */
public record RunResult(int exitCode, String stdout, String stderr, boolean outputTruncated, String containerId,
                        Attach attach, LaunchTimings timings) {
    public RunResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(timings, "timings");
    }
}
