package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.SpecText;
import java.util.List;
import java.util.Objects;

/**
 * A resource limit of the container's processes, as the Docker CLI's {@code --ulimit name=soft[:hard]}
 * ({@code go-units} {@code ParseUlimit}): the hard limit defaults to the soft one, {@code -1} is unlimited, and the
 * soft limit may not exceed the hard one. Values are the kernel's units: bytes for {@code memlock}, {@code stack},
 * {@code data}, {@code fsize}, {@code rss}, {@code core}, {@code msgqueue}; counts for {@code nofile}, {@code nproc}.
 * (Shells show {@code memlock} and {@code stack} in KiB: {@code stack=67108864} is {@code ulimit -s} 65536.)
 *
 * <p>{@code Ulimit.parse("memlock=-1")}, {@code Ulimit.parse("stack=67108864")}, {@code Ulimit.of("nofile", 1024, 65536)}
 *
 * <p>The engine cannot raise a hard limit above its own (dockerd's {@code LimitMEMLOCK}, {@code LimitSTACK}…) unless
 * it may raise limits ({@code CAP_SYS_RESOURCE}); the container then fails to start with
 * {@code error setting rlimits … operation not permitted}.
 *
 * @param name the limit, one of {@link #NAMES}
 * @param soft the soft limit; {@code -1}: unlimited
 * @param hard the hard limit; {@code -1}: unlimited
 */
public record Ulimit(String name, long soft, long hard) {

    /** The names Docker accepts (RLIMIT_… without the prefix, lower case). */
    public static final List<String> NAMES = List.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
            "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    /** @throws IllegalArgumentException for an unknown name, a value below -1, or soft above hard */
    public Ulimit {
        checkName(Objects.requireNonNull(name, "name"));
        if (soft < -1 || hard < -1) {
            throw new IllegalArgumentException("ulimit " + name + ": a limit is -1 (unlimited) or a number >= 0, not "
                    + Math.min(soft, hard));
        }
        if (hard != -1 && (soft == -1 || soft > hard)) {
            throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: "
                    + (soft == -1 ? "soft: -1 (unlimited), hard: " + hard : soft + " > " + hard));
        }
    }

    /** {@code name=soft:hard}. */
    public static Ulimit of(String name, long soft, long hard) {
        return new Ulimit(name, soft, hard);
    }

    /** {@code name=-1}: no limit. */
    public static Ulimit unlimited(String name) {
        return new Ulimit(name, -1, -1);
    }

    /**
     * Reads {@code --ulimit} syntax, {@code name=soft[:hard]}.
     *
     * @throws IllegalArgumentException with the Docker CLI's message, e.g. {@code invalid ulimit argument: 'nofile'}
     */
    public static Ulimit parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("invalid ulimit argument: " + SpecText.quote(text)
                    + " (name=soft[:hard], e.g. memlock=-1, nofile=1024:65536)");
        }
        String name = text.substring(0, eq);
        checkName(name);
        String[] values = text.substring(eq + 1).split(":", -1);
        if (values.length > 2) {
            throw new IllegalArgumentException("too many limit value arguments - " + SpecText.quote(text.substring(eq + 1))
                    + ", can only have up to two, soft[:hard]");
        }
        long soft = number(values[0], text);
        long hard = values.length == 2 ? number(values[1], text) : soft;
        return new Ulimit(name, soft, hard);
    }

    private static void checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("invalid ulimit type: " + SpecText.quote(name) + " (one of "
                    + String.join(", ", NAMES) + ")");
        }
    }

    private static long number(String value, String text) {
        String digits = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        if (!SpecText.digits(digits)) {
            throw new IllegalArgumentException("invalid ulimit value " + SpecText.quote(value) + " in "
                    + SpecText.quote(text) + " (a number, or -1 for unlimited)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ulimit value out of range: " + SpecText.quote(value), e);
        }
    }

    /** {@code --ulimit} syntax: {@code name=soft} when both are equal, else {@code name=soft:hard}. */
    @Override
    public String toString() {
        return name + "=" + soft + (soft == hard ? "" : ":" + hard);
    }
}
