package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.SpecText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The container's IPC namespace, as the Docker CLI's {@code --ipc}: {@link #PRIVATE} (its own, not joinable),
 * {@link #SHAREABLE} (its own, joinable by others), {@link #HOST} (the host's: its {@code /dev/shm} and System V IPC,
 * which PyTorch's DataLoader workers and NCCL use — an alternative to a large {@code --shm-size}), {@link #NONE}
 * (its own, without {@code /dev/shm}), or {@link #container(String) container:&lt;name|id&gt;} (another container's,
 * which must be {@code shareable}). Without a mode the engine's default applies ({@code private} or
 * {@code shareable}, per {@code default-ipc-mode}).
 *
 * <p>{@code IpcMode.HOST}, {@code IpcMode.parse("container:trainer-0")}
 */
public final class IpcMode {

    /** Its own namespace, not joinable. */
    public static final IpcMode PRIVATE = new IpcMode("private");
    /** Its own namespace, joinable by containers started with {@code container:<this>}. */
    public static final IpcMode SHAREABLE = new IpcMode("shareable");
    /** The host's namespace. */
    public static final IpcMode HOST = new IpcMode("host");
    /** Its own namespace without {@code /dev/shm}. */
    public static final IpcMode NONE = new IpcMode("none");

    /** A container name or id, as the engine accepts them. */
    private static final Pattern CONTAINER = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private final String value;

    private IpcMode(String value) {
        this.value = value;
    }

    /**
     * Another container's namespace.
     *
     * @throws IllegalArgumentException when {@code nameOrId} is not a container name or id
     */
    public static IpcMode container(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        if (!CONTAINER.matcher(nameOrId).matches()) {
            throw new IllegalArgumentException("invalid IPC mode container:" + SpecText.shown(nameOrId)
                    + " (container:<name or id>, the name or id of a running container)");
        }
        return new IpcMode("container:" + nameOrId);
    }

    /**
     * Reads {@code --ipc} syntax: {@code private}, {@code shareable}, {@code host}, {@code none} or
     * {@code container:<name|id>}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static IpcMode parse(String text) {
        Objects.requireNonNull(text, "text");
        return switch (text) {
            case "private" -> PRIVATE;
            case "shareable" -> SHAREABLE;
            case "host" -> HOST;
            case "none" -> NONE;
            default -> {
                if (text.startsWith("container:")) {
                    yield container(text.substring("container:".length()));
                }
                throw new IllegalArgumentException("invalid IPC mode: " + SpecText.quote(text)
                        + " (private, shareable, host, none, or container:<name|id>)");
            }
        };
    }

    /** The mode as the engine's API writes it, e.g. {@code host}, {@code container:trainer-0}. */
    public String value() {
        return value;
    }

    /** The container whose namespace this joins; empty for the other modes. */
    public java.util.Optional<String> container() {
        return value.startsWith("container:") ? java.util.Optional.of(value.substring("container:".length()))
                : java.util.Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpcMode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }
}
