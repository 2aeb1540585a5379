package io.github.gpuenv.wsl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a command run in a distribution produced. The exit code is the command's.
 *
 * <p>{@code WslRunResult r = wsl.run(WslRun.in("Ubuntu").command("uname", "-r").build()); r.stdoutText().strip()}
 *
 * @param argv the exact argv given to {@code wsl.exe}
 * @param exitCode the command's exit code
 * @param stdout standard output (bounded; when streamed, what was kept)
 * @param stderr standard error (bounded)
 * @param elapsed wall time
 */
public record WslRunResult(List<String> argv, int exitCode, byte[] stdout, byte[] stderr, Duration elapsed) {
    public WslRunResult {
        argv = List.copyOf(argv);
        stdout = stdout == null ? new byte[0] : stdout.clone();
        stderr = stderr == null ? new byte[0] : stderr.clone();
        Objects.requireNonNull(elapsed, "elapsed");
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Standard output as UTF-8 (what Linux programs print). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** Whether the command exited 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
