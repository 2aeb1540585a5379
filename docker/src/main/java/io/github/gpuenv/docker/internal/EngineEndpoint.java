package io.github.gpuenv.docker.internal;

import io.github.gpuenv.system.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Docker endpoint to talk to. docker-java resolves it ({@link DockerClientConfigs}) except in the unconfigured
 * case, which this class recognises without loading docker-java's configuration (its Jackson mapper and property
 * merging cost about a fifth of a second of a cold start): no {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} or
 * {@code DOCKER_CONFIG} anywhere docker-java would read one, no {@code docker-java.properties}, and a
 * {@code ~/.docker/config.json} that is absent or never mentions {@code currentContext}. Then the endpoint is
 * docker-java's default ({@code unix:///var/run/docker.sock}, {@code npipe:////./pipe/docker_engine} on Windows),
 * and a test keeps the two resolutions equal. Anything it is unsure of takes docker-java's path.
 *
 * <p>{@code URI host = EngineEndpoint.resolve(Environment.system());}
 */
public final class EngineEndpoint {

    /** docker-java's default on Linux and macOS. */
    static final URI UNIX_DEFAULT = URI.create("unix:///var/run/docker.sock");
    /** docker-java's default on Windows. */
    static final URI WINDOWS_DEFAULT = URI.create("npipe:////./pipe/docker_engine");

    /** The largest config.json read by the shortcut; a larger one takes docker-java's path. */
    private static final long MAX_CONFIG_BYTES = 1024 * 1024;

    /** What selects an endpoint in docker-java: as variables (and, for gpuenv, as properties). */
    private static final List<String> ENDPOINT_SETTINGS = List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG");

    private EngineEndpoint() {
    }

    /** The endpoint for {@code environment}: the shortcut when nothing is configured, else docker-java's choice. */
    public static URI resolve(Environment environment) {
        if (!configures(environment)) {
            Optional<URI> shortcut = unconfigured(System.getenv(), System.getProperties());
            if (shortcut.isPresent()) {
                return shortcut.get();
            }
        }
        return DockerClientConfigs.builder(environment).build().getDockerHost();
    }

    /**
     * docker-java's default endpoint when {@code env} and {@code systemProperties} (what docker-java's
     * {@code createDefaultConfigBuilder(env, systemProperties)} reads) configure none; empty when they might.
     */
    static Optional<URI> unconfigured(Map<String, String> env, Properties systemProperties) {
        for (String name : ENDPOINT_SETTINGS) {
            String value = env.get(name);
            if (value != null && !value.trim().isEmpty()) {
                return Optional.empty();
            }
        }
        // docker-java takes these system properties even when blank (DOCKER_CONTEXT is read from the environment only)
        if (systemProperties.containsKey("DOCKER_HOST") || systemProperties.containsKey("DOCKER_CONFIG")) {
            return Optional.empty();
        }
        String home = systemProperties.getProperty("user.home");
        if (home == null || home.contains("${") || classpathProperties() || Files.exists(Path.of(home,
                ".docker-java.properties"))) {
            return Optional.empty();
        }
        if (!withoutCurrentContext(Path.of(home, ".docker", "config.json"))) {
            return Optional.empty();
        }
        return Optional.of(System.getProperty("os.name", "").startsWith("Windows") ? WINDOWS_DEFAULT : UNIX_DEFAULT);
    }

    /** The endpoint as text without credentials or query, e.g. {@code tcp://host:2376}. */
    public static String redact(URI endpoint) {
        if (endpoint == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (endpoint.getScheme() != null) {
            out.append(endpoint.getScheme()).append("://");
        }
        if (endpoint.getHost() != null) {
            out.append(endpoint.getHost());
            if (endpoint.getPort() >= 0) {
                out.append(':').append(endpoint.getPort());
            }
        } else if (endpoint.getRawAuthority() != null) {
            String authority = endpoint.getRawAuthority();
            out.append(authority.substring(authority.lastIndexOf('@') + 1));
        }
        if (endpoint.getRawPath() != null) {
            out.append(endpoint.getRawPath());
        }
        return out.toString();
    }

    private static boolean configures(Environment environment) {
        for (String name : ENDPOINT_SETTINGS) {
            if (environment.property(name).filter(v -> !v.isBlank()).isPresent()
                    || environment.variable(name).filter(v -> !v.isBlank()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** docker-java also reads {@code docker-java.properties} from the classpath. */
    private static boolean classpathProperties() {
        try (InputStream in = EngineEndpoint.class.getResourceAsStream("/docker-java.properties")) {
            return in != null;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether config.json cannot name a current context: absent, or a readable file of bounded size whose text has
     * no {@code currentContext} (any case) and no {@code \}-escape that could spell it.
     */
    private static boolean withoutCurrentContext(Path config) {
        if (!Files.exists(config)) {
            return true;
        }
        try {
            if (!Files.isRegularFile(config) || Files.size(config) > MAX_CONFIG_BYTES) {
                return false;
            }
            String text = new String(Files.readAllBytes(config), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return !text.contains("currentcontext") && !text.contains("\\u");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
