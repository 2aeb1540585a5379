package io.github.gpuenv.wsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run inside a distribution: {@code wsl.exe -d NAME [-u USER] [--cd DIR] --exec CMD ARG…}. The command
 * is an argument vector, run with {@code --exec} — no Windows shell and no Linux shell interpret it, so {@code ;},
 * {@code &}, quotes and spaces in arguments arrive as written. (A caller who wants a shell script names the shell
 * and its {@code -c} option as the first arguments, explicitly.)
 *
 * <p>{@code WslRun.in("Ubuntu").user("root").command("nvidia-smi", "-L").build()}
 *
 * @param distribution the distribution's name (validated: letters, digits, {@code .}, {@code _}, {@code -})
 * @param user the Linux user; empty for the distribution's default user
 * @param workingDirectory {@code --cd}: a Linux path ({@code /…} or {@code ~}) or an absolute Windows path; empty for
 *     the default
 * @param command the program and its arguments; never empty
 * @param stdin bytes written to the command's standard input, then closed
 * @param timeout the time limit; empty for {@link WslOperation#RUN}'s
 */
public record WslRun(String distribution, Optional<String> user, Optional<String> workingDirectory,
                     List<String> command, byte[] stdin, Optional<Duration> timeout) {
    public WslRun {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        stdin = stdin == null ? new byte[0] : stdin.clone();
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** A builder for a command in {@code distribution}. */
    public static Builder in(String distribution) {
        return new Builder(distribution);
    }

    /** Builds {@link WslRun}s. */
    public static final class Builder {
        private final String distribution;
        private String user;
        private String workingDirectory;
        private final List<String> command = new ArrayList<>();
        private byte[] stdin = new byte[0];
        private Duration timeout;

        private Builder(String distribution) {
            this.distribution = Objects.requireNonNull(distribution, "distribution");
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** {@code --cd DIR}. */
        public Builder workingDirectory(String directory) {
            this.workingDirectory = directory;
            return this;
        }

        public Builder command(String... argv) {
            return command(Arrays.asList(argv));
        }

        public Builder command(List<String> argv) {
            this.command.clear();
            this.command.addAll(argv);
            return this;
        }

        public Builder stdin(byte[] stdin) {
            this.stdin = Objects.requireNonNull(stdin, "stdin").clone();
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public WslRun build() {
            return new WslRun(distribution, Optional.ofNullable(user), Optional.ofNullable(workingDirectory), command,
                    stdin, Optional.ofNullable(timeout));
        }
    }
}
