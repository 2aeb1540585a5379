package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.SpecText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bind mount or a volume, as the Docker CLI's {@code -v [source:]target[:options]} and the engine's Linux parser
 * read it ({@code moby} {@code volume/mounts/linux_parser.go}): a source that is an absolute path is a
 * {@linkplain Type#BIND bind mount} of that host path (on the engine's host; created as a directory when missing,
 * as {@code -v} does); any other source is a {@linkplain Type#VOLUME named volume} (created when missing, kept after
 * the container); no source is an anonymous volume (removed with the container). {@code ./dir} and {@code .} are
 * resolved against this process's working directory, as the Docker CLI does against its own. Options, comma
 * separated: {@code ro} or {@code rw}; {@code z} or {@code Z} (SELinux relabel); a propagation mode
 * ({@code private}, {@code rprivate}, {@code shared}, {@code rshared}, {@code slave}, {@code rslave}, binds only);
 * {@code nocopy} (volumes only); and {@code consistent}, {@code cached}, {@code delegated}, which are accepted and
 * have no effect, as on every engine today. At most one option of each kind.
 *
 * <p>{@code Mount.parse("/data:/data:ro")}, {@code Mount.volume("model-cache", "/root/.cache/huggingface")},
 * {@code Mount.bind(Path.of("datasets"), "/data").asReadOnly()}
 *
 * @param type bind or volume
 * @param source the host path (bind), the volume name (volume), or empty (anonymous volume)
 * @param target the absolute path in the container, cleaned ({@code /data/} is {@code /data})
 * @param readOnly whether the container may only read it
 * @param options the other options ({@code z}, {@code shared}, {@code nocopy}…), in the order given
 */
public record Mount(Type type, String source, String target, boolean readOnly, List<String> options) {

    /** What is mounted. */
    public enum Type {
        /** A path of the engine's host. */
        BIND,
        /** A volume of the engine (named, or anonymous). */
        VOLUME
    }

    /** The local volume driver's names: two or more of these characters, the first alphanumeric. */
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final List<String> LABELS = List.of("z", "Z");
    private static final List<String> PROPAGATIONS = List.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");
    private static final List<String> CONSISTENCIES = List.of("consistent", "cached", "delegated");
    private static final String EXAMPLE = " (-v syntax: [source:]target[:options], e.g. /data:/data:ro,"
            + " model-cache:/models)";

    /** @throws IllegalArgumentException for a relative or root target, a bad source or volume name, a bad option */
    public Mount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        options = List.copyOf(options);
        checkPathText(source, "source");
        checkPathText(target, "target");
        target = cleanTarget(target);
        if (type == Type.BIND && !isAbsoluteHostPath(source)) {
            throw new IllegalArgumentException("invalid mount config for type \"bind\": invalid mount path: "
                    + SpecText.quote(source) + " mount path must be absolute");
        }
        if (type == Type.BIND && source.startsWith("/")) {
            source = clean(source);
        }
        if (type == Type.VOLUME && !source.isEmpty() && !VOLUME_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException(SpecText.quote(source) + " includes invalid characters for a local"
                    + " volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed (at least two). If you intended"
                    + " to pass a host directory, use absolute path");
        }
        if (type == Type.VOLUME && source.isEmpty() && readOnly) {
            throw new IllegalArgumentException("must not set ReadOnly mode when using anonymous volumes: "
                    + SpecText.quote(target));
        }
        checkOptions(type, options, readOnly);
    }

    /** A bind mount of host path {@code source} (absolute, or made absolute against the working directory). */
    public static Mount bind(Path source, String target) {
        return new Mount(Type.BIND, source.toAbsolutePath().normalize().toString(), target, false, List.of());
    }

    /** A bind mount of the engine host's absolute path {@code source}. */
    public static Mount bind(String source, String target) {
        return new Mount(Type.BIND, source, target, false, List.of());
    }

    /** The named volume {@code name} (created by the engine when missing, kept after the container). */
    public static Mount volume(String name, String target) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a named volume needs a name (anonymous: Mount.anonymousVolume)");
        }
        return new Mount(Type.VOLUME, name, target, false, List.of());
    }

    /** An anonymous volume at {@code target}, removed with the container ({@code -v /target}). */
    public static Mount anonymousVolume(String target) {
        return new Mount(Type.VOLUME, "", target, false, List.of());
    }

    /** This mount, read-only. */
    public Mount asReadOnly() {
        return new Mount(type, source, target, true, options);
    }

    /** This mount with {@code option} added ({@code z}, {@code Z}, a propagation mode, {@code nocopy}). */
    public Mount withOption(String option) {
        List<String> more = new ArrayList<>(options);
        more.add(option);
        return new Mount(type, source, target, readOnly, more);
    }

    /** Whether this is an anonymous volume. */
    public boolean anonymous() {
        return type == Type.VOLUME && source.isEmpty();
    }

    /**
     * Reads {@code -v} syntax.
     *
     * @throws IllegalArgumentException with the engine's message, e.g. {@code invalid mode: 'rw,ro'}
     */
    public static Mount parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid volume specification: " + SpecText.quote(text) + EXAMPLE);
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("invalid volume specification: " + SpecText.quote(text)
                        + ": empty section between colons" + EXAMPLE);
            }
        }
        if (parts.length == 1) {
            return anonymousVolume(parts[0]);
        }
        if (parts.length == 2 && isMode(parts[1])) {
            throw new IllegalArgumentException("invalid volume specification: " + SpecText.quote(text)
                    + " (a mode needs a source: source:target:" + SpecText.shown(parts[1]) + ")");
        }
        String mode = parts.length == 3 ? parts[2] : "";
        if (!isMode(mode)) {
            throw new IllegalArgumentException("invalid mode: " + SpecText.quote(mode) + " in " + SpecText.quote(text)
                    + " (ro or rw; z or Z; private, rprivate, shared, rshared, slave, rslave; nocopy)");
        }
        String source = parts[0];
        if ((source.equals(".") || source.startsWith("./")) && source.chars().allMatch(c -> c >= ' ')) {
            source = Path.of(System.getProperty("user.dir", "/")).resolve(source).toAbsolutePath().normalize()
                    .toString();
        }
        boolean readOnly = false;
        List<String> options = new ArrayList<>();
        for (String option : mode.isEmpty() ? new String[0] : mode.split(",", -1)) {
            if (option.equals("ro")) {
                readOnly = true;
            } else if (!option.equals("rw") && !CONSISTENCIES.contains(option)) {
                options.add(option);
            }
        }
        Type type = source.startsWith("/") ? Type.BIND : Type.VOLUME;
        try {
            return new Mount(type, source, parts[1], readOnly, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid volume specification: " + SpecText.quote(text) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code mode} is a valid option list (empty included), at most one option of each kind. */
    private static boolean isMode(String mode) {
        if (mode.isEmpty()) {
            return true;
        }
        int[] kinds = new int[5];
        for (String option : mode.split(",", -1)) {
            int kind = option.equals("ro") || option.equals("rw") ? 0 : LABELS.contains(option) ? 1
                    : PROPAGATIONS.contains(option) ? 2 : option.equals("nocopy") ? 3
                    : CONSISTENCIES.contains(option) ? 4 : -1;
            if (kind < 0 || ++kinds[kind] > 1) {
                return false;
            }
        }
        return true;
    }

    private static void checkOptions(Type type, List<String> options, boolean readOnly) {
        int[] kinds = new int[3];
        for (String option : options) {
            int kind = LABELS.contains(option) ? 0 : PROPAGATIONS.contains(option) ? 1
                    : option.equals("nocopy") ? 2 : -1;
            if (kind < 0) {
                throw new IllegalArgumentException("invalid mount option: " + SpecText.quote(option)
                        + " (z or Z; private, rprivate, shared, rshared, slave, rslave; nocopy; read-only is"
                        + " asReadOnly())");
            }
            if (++kinds[kind] > 1) {
                throw new IllegalArgumentException("invalid mode: " + SpecText.quote(String.join(",", options))
                        + " (at most one option of each kind)");
            }
            if (kind == 1 && type != Type.BIND) {
                throw new IllegalArgumentException("propagation mode " + option + " is for bind mounts, not volumes");
            }
            if (kind == 2 && type != Type.VOLUME) {
                throw new IllegalArgumentException("nocopy is for volumes, not bind mounts");
            }
        }
    }

    private static void checkPathText(String path, String what) {
        if (path.indexOf(':') >= 0 && !(what.equals("source") && isAbsoluteHostPath(path) && !path.startsWith("/"))) {
            throw new IllegalArgumentException("the mount " + what + " " + SpecText.quote(path) + " contains ':',"
                    + " which -v syntax cannot carry");
        }
        if (path.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("the mount " + what + " " + SpecText.quote(path)
                    + " contains a control character");
        }
    }

    private static String cleanTarget(String target) {
        String t = target.replace('\\', '/');
        if (!t.startsWith("/")) {
            throw new IllegalArgumentException("invalid mount path: " + SpecText.quote(target)
                    + " mount path must be absolute");
        }
        String cleaned = clean(t);
        if (cleaned.equals("/")) {
            throw new IllegalArgumentException("invalid specification: destination can't be '/'");
        }
        return cleaned;
    }

    /** An absolute POSIX path cleaned as Go's {@code path.Clean}: no empty, {@code .} or {@code ..} elements. */
    private static String clean(String absolute) {
        java.util.Deque<String> elements = new java.util.ArrayDeque<>();
        for (String element : absolute.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                elements.pollLast();
            } else {
                elements.addLast(element);
            }
        }
        return "/" + String.join("/", elements);
    }

    private static boolean isAbsoluteHostPath(String source) {
        return source.startsWith("/") || source.matches("[A-Za-z]:[\\\\/].*") || source.startsWith("\\\\");
    }

    /** {@code -v} syntax, e.g. {@code /data:/data:ro}, {@code model-cache:/models}, {@code /scratch}. */
    @Override
    public String toString() {
        List<String> mode = new ArrayList<>();
        if (readOnly) {
            mode.add("ro");
        }
        mode.addAll(options);
        String base = source.isEmpty() ? target : source + ":" + target;
        return mode.isEmpty() ? base : base + ":" + String.join(",", mode);
    }
}
