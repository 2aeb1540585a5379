package io.github.gpuenv;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.config.DurationText;
import io.github.gpuenv.internal.VersionNumber;
import io.github.gpuenv.system.Environment;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the ambient configuration ({@link ConfigKey}: property over variable over default) and never throws for a
 * value: a malformed one gives the default and a {@link ConfigWarning}, a duration above its ceiling gives the
 * ceiling and a warning ({@code clamped}). The one place configuration text is validated.
 *
 * <p>{@code ConfigReader r = new ConfigReader(env); Duration d = r.duration(ConfigKey.DEADLINE, Duration.ofHours(24));}
 */
final class ConfigReader {

    private final Environment environment;
    private final Map<ConfigKey, ConfigWarning> warnings = new EnumMap<>(ConfigKey.class);

    public ConfigReader(Environment environment) {
        this.environment = environment;
    }

    /** Where {@code key}'s value comes from: its system property, its environment variable, or empty (default). */
    public Optional<String> source(ConfigKey key) {
        if (environment.property(key.property()).filter(v -> !v.isBlank()).isPresent()) {
            return Optional.of(key.property());
        }
        if (environment.variable(key.variable()).filter(v -> !v.isBlank()).isPresent()) {
            return Optional.of(key.variable());
        }
        return Optional.empty();
    }

    /** A positive duration, at most {@code ceiling}; the default when malformed. */
    public Duration duration(ConfigKey key, Duration ceiling) {
        Duration fallback = DurationText.parseStrict(key.defaultValue());
        Optional<String> text = key.configured(environment);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration d;
        try {
            d = DurationText.parseStrict(text.get());
        } catch (IllegalArgumentException e) {
            warn(key, text.get(), e.getMessage(), "the default " + key.defaultValue() + " is used", false);
            return fallback;
        }
        if (d.compareTo(ceiling) > 0) {
            warn(key, text.get(), "longer than the ceiling of " + DurationText.format(ceiling),
                    DurationText.format(ceiling) + " is used", true);
            return ceiling;
        }
        return d;
    }

    /** {@code true} or {@code false} (any case); the default when anything else. */
    public boolean bool(ConfigKey key) {
        boolean fallback = Boolean.parseBoolean(key.defaultValue());
        Optional<String> text = key.configured(environment);
        if (text.isEmpty()) {
            return fallback;
        }
        String t = text.get().strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        warn(key, text.get(), "not true or false", "the default " + key.defaultValue() + " is used", false);
        return fallback;
    }

    /** A path; empty when unset, or when the text is not a path (with a warning). */
    public Optional<Path> path(ConfigKey key) {
        Optional<String> text = key.configured(environment);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.get()));
        } catch (InvalidPathException e) {
            warn(key, text.get(), "not a path (" + e.getReason() + ")", "ignored", false);
            return Optional.empty();
        }
    }

    /**
     * A directory, or the default when unset or not a path. A path that is not a directory is still used (a fixture
     * root must never silently become the live machine's {@code /}) and warned about: nothing can be read under it.
     */
    public Path directory(ConfigKey key) {
        Path fallback = Path.of(key.defaultValue());
        Optional<Path> path = path(key);
        if (path.isPresent() && !Files.isDirectory(path.get())) {
            warn(key, key.configured(environment).orElse(""), Files.exists(path.get()) ? "not a directory"
                    : "no such directory", "no file can be read under it", false);
        }
        return path.orElse(fallback);
    }

    /** A dotted version such as {@code 5.10.43}; the default when the text does not start with one. */
    public String version(ConfigKey key) {
        Optional<String> text = key.configured(environment);
        if (text.isEmpty()) {
            return key.defaultValue();
        }
        if (VersionNumber.parse(text.get()).isEmpty()) {
            warn(key, text.get(), "not a version (e.g. " + key.defaultValue() + ")", "the default is used", false);
            return key.defaultValue();
        }
        return text.get();
    }

    /** The comma-separated items, stripped, blanks dropped. */
    public List<String> list(ConfigKey key) {
        return new ArrayList<>(Arrays.stream(key.value(environment).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    /** The text, or empty when unset. */
    public Optional<String> text(ConfigKey key) {
        return key.configured(environment);
    }

    /** The warnings so far, by key. */
    public Map<ConfigKey, ConfigWarning> warnings() {
        return warnings;
    }

    private void warn(ConfigKey key, String value, String problem, String consequence, boolean clamped) {
        warnings.put(key, new ConfigWarning(key, source(key).orElse(key.variable()), value, problem, consequence,
                clamped));
    }
}
