package io.github.gpuenv.docker;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A detached container as the engine reported it ({@code docker inspect}), reduced to what a caller acts on.
 *
 * <p>{@code ContainerState s = container.inspect(); if (s.status() == ContainerState.Status.EXITED) ... s.exitCode()}
 *
 * @param id the container's id
 * @param name its name, without the engine's leading {@code /}
 * @param status its state
 * @param exitCode its exit code once it has exited (or is dead); empty before
 * @param health what its health check reports; {@link Health#NONE} without one
 * @param ipAddress its address on its (first) network; empty without one (network {@code none}, {@code host})
 * @param ports the ports actually bound: one per host address the engine bound (often {@code 0.0.0.0} and
 *        {@code ::}), with the host port it picked
 * @param oomKilled whether the kernel's OOM killer ended it
 */
public record ContainerState(String id, String name, Status status, OptionalInt exitCode, Health health,
                             String ipAddress, List<PortBinding> ports, boolean oomKilled) {

    public ContainerState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(ipAddress, "ipAddress");
        ports = List.copyOf(ports);
    }

    /** Whether it is running (paused and restarting are not). */
    public boolean running() {
        return status == Status.RUNNING;
    }

    /** The constant of {@code type} named by the engine's lower-case {@code word}; {@code otherwise} when none is. */
    private static <E extends Enum<E>> E word(Class<E> type, String word, E otherwise) {
        if (word == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    /** A container's state, as the engine names them. */
    public enum Status {
        /** Created, never started. */
        CREATED,
        /** Running. */
        RUNNING,
        /** Paused. */
        PAUSED,
        /** Restarting (a restart policy). */
        RESTARTING,
        /** Being removed. */
        REMOVING,
        /** Exited. */
        EXITED,
        /** Dead (the engine failed to remove or stop it). */
        DEAD,
        /** A state this gpuenv does not know. */
        UNKNOWN;

        /** The status for the engine's word ({@code running}, {@code exited}, …). */
        public static Status of(String engineStatus) {
            return word(Status.class, engineStatus, UNKNOWN);
        }
    }

    /** What a health check reports. */
    public enum Health {
        /** The container has no health check. */
        NONE,
        /** Within its start period, or no check finished yet. */
        STARTING,
        /** The last check passed. */
        HEALTHY,
        /** The check failed its retries in a row. */
        UNHEALTHY;

        /** The health for the engine's word ({@code starting}, {@code healthy}, …; null or {@code none}: NONE). */
        public static Health of(String engineStatus) {
            return word(Health.class, engineStatus, NONE);
        }
    }
}
