package io.github.gpuenv.wsl;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Wsl}: which {@code wsl.exe}, how commands run, and the time limit of each operation.
 * Immutable, with a builder; the ambient configuration ({@code gpuenv.wsl-exe} / {@code GPUENV_WSL_EXE}) is read
 * by {@link #builder()}.
 *
 * <p>{@code Wsl.local(WslOptions.builder().wslExe("D:\\tools\\wsl.exe").timeout(WslOperation.IMPORT,
 * Duration.ofHours(1)).build())}
 */
public final class WslOptions {

    private final Optional<String> wslExe;
    private final CommandRunner commandRunner;
    private final Environment environment;
    private final FileView files;
    private final Map<WslOperation, Duration> timeouts;

    private WslOptions(Builder b) {
        this.wslExe = Optional.ofNullable(b.wslExe);
        this.commandRunner = b.commandRunner;
        this.environment = b.environment;
        this.files = b.files;
        this.timeouts = Map.copyOf(b.timeouts);
    }

    /** The options the ambient configuration gives. */
    public static WslOptions defaults() {
        return builder().build();
    }

    /** A builder reading the configuration of this process. */
    public static Builder builder() {
        return builder(Environment.system());
    }

    /** A builder reading the configuration in {@code environment} (also used to locate {@code wsl.exe}). */
    public static Builder builder(Environment environment) {
        return new Builder(environment);
    }

    /** The {@code wsl.exe} set by option or configuration; empty for the platform default. */
    public Optional<String> wslExe() {
        return wslExe;
    }

    /** Runs {@code wsl.exe} (except streamed runs, which start the process themselves). */
    public CommandRunner commandRunner() {
        return commandRunner;
    }

    /** The environment {@code wsl.exe} is located from. */
    public Environment environment() {
        return environment;
    }

    /** Files read to tell whether this process runs inside WSL ({@code /proc/sys/kernel/osrelease}). */
    public FileView files() {
        return files;
    }

    /** The time limit of {@code operation}. */
    public Duration timeout(WslOperation operation) {
        return timeouts.getOrDefault(operation, operation.defaultTimeout());
    }

    /** Builds {@link WslOptions}. */
    public static final class Builder {
        private String wslExe;
        private CommandRunner commandRunner = CommandRunner.system();
        private Environment environment;
        private FileView files = FileView.rooted(Path.of("/"));
        private final Map<WslOperation, Duration> timeouts = new EnumMap<>(WslOperation.class);

        private Builder(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            this.wslExe = ConfigKey.WSL_EXE.configured(environment).orElse(null);
        }

        /** The {@code wsl.exe} to run (a path, or a name looked up on PATH). */
        public Builder wslExe(String wslExe) {
            this.wslExe = wslExe;
            return this;
        }

        public Builder commandRunner(CommandRunner runner) {
            this.commandRunner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public Builder files(FileView files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        /** The time limit of one operation. */
        public Builder timeout(WslOperation operation, Duration timeout) {
            Objects.requireNonNull(operation, "operation");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout <= 0");
            }
            this.timeouts.put(operation, timeout);
            return this;
        }

        public WslOptions build() {
            return new WslOptions(this);
        }
    }
}
