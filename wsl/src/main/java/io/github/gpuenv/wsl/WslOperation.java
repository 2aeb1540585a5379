package io.github.gpuenv.wsl;

import java.time.Duration;
import java.util.Locale;

/**
 * The {@code wsl.exe} operations gpuenv runs, each with a default time limit sized to it: seconds for queries,
 * minutes for anything that downloads, converts or copies a file system. {@link WslOptions.Builder#timeout} changes
 * one.
 *
 * <p>{@code WslOptions.builder().timeout(WslOperation.IMPORT, Duration.ofHours(1)).build()}
 */
public enum WslOperation {
    LIST(Duration.ofSeconds(15)),
    STATUS(Duration.ofSeconds(30)),
    VERSION(Duration.ofSeconds(15)),
    INSTALL(Duration.ofMinutes(30)),
    EXPORT(Duration.ofMinutes(30)),
    IMPORT(Duration.ofMinutes(30)),
    RUN(Duration.ofMinutes(10)),
    TERMINATE(Duration.ofSeconds(60)),
    SHUTDOWN(Duration.ofMinutes(2)),
    UNREGISTER(Duration.ofMinutes(5)),
    SET_VERSION(Duration.ofMinutes(30)),
    SET_DEFAULT(Duration.ofSeconds(30)),
    UPDATE(Duration.ofMinutes(30));

    private final Duration defaultTimeout;

    WslOperation(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /** The time limit used unless the options change it. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The operation's name in messages, e.g. {@code "set-version"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
