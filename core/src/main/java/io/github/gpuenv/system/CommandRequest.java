package io.github.gpuenv.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One external command to run: argv, timeout, optional stdin, extra environment, working directory and
 * output limit.
 *
 * <p>{@code CommandRequest.builder(List.of("wsl.exe", "--list", "--verbose")).timeout(Duration.ofSeconds(10))
 * .environment(Map.of("WSL_UTF8", "1")).build()}
 *
 * @param argv the program and its arguments, passed unchanged to the operating system
 * @param timeout the most the run may take; the process is killed after it (a timeout beyond what a {@code long}
 *     of nanoseconds holds, about 292 years, is taken as that)
 * @param stdin bytes written to standard input, then closed (empty: stdin closed at once)
 * @param environment variables added to (or replacing those in) the inherited environment
 * @param workingDirectory the directory to start in, or empty for the current one
 * @param maxOutputBytes the most bytes kept of stdout and of stderr each; the rest is read and dropped
 * @param outputListener receives the output while the command runs ({@link OutputListener#none()} by default)
 */
public record CommandRequest(List<String> argv, Duration timeout, byte[] stdin, Map<String, String> environment,
                             Optional<Path> workingDirectory, int maxOutputBytes, OutputListener outputListener) {

    /** Default limit on the bytes kept of each output stream: 4 MiB. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

    public CommandRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout <= 0");
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            timeout = MAX_TIMEOUT;
        }
        stdin = stdin == null ? new byte[0] : stdin.clone();
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes <= 0");
        }
        Objects.requireNonNull(outputListener, "outputListener");
    }

    /** The longest timeout: {@link Long#MAX_VALUE} nanoseconds, so that {@code timeout().toNanos()} never overflows. */
    public static final Duration MAX_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

    /** A request with no stdin, no extra environment and the default output limit. */
    public static CommandRequest of(List<String> argv, Duration timeout) {
        return builder(argv).timeout(timeout).build();
    }

    /** A builder for {@code argv}; the timeout defaults to 10 seconds. */
    public static Builder builder(List<String> argv) {
        return new Builder(argv);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** Builds {@link CommandRequest}s. */
    public static final class Builder {
        private final List<String> argv;
        private Duration timeout = Duration.ofSeconds(10);
        private byte[] stdin = new byte[0];
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private OutputListener outputListener = OutputListener.none();

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder stdin(byte[] stdin) {
            this.stdin = Objects.requireNonNull(stdin, "stdin").clone();
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder maxOutputBytes(int maxOutputBytes) {
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        /** Receive the output while the command runs (streaming), besides the result's bounded copy. */
        public Builder outputListener(OutputListener listener) {
            this.outputListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public CommandRequest build() {
            return new CommandRequest(argv, timeout, stdin, environment, Optional.ofNullable(workingDirectory),
                    maxOutputBytes, outputListener);
        }
    }
}
