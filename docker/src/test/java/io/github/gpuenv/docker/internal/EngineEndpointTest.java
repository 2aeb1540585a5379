package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.DockerJavaResolution;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The endpoint shortcut against docker-java 3.7.1's own resolution, each configuration in a fresh home directory:
 * wherever the shortcut answers, docker-java chooses the same endpoint; where something configures one, the shortcut
 * stays out (and docker-java's choice shows why).
 */
class EngineEndpointTest {

    private static final String CONTEXT_SOCKET = "unix:///run/gpuenv-test-context.sock";

    @TempDir
    Path home;

    /** A configuration: variables, system properties, files in the home directory. */
    private record Setup(Map<String, String> env, Properties props, Path home) {
        void file(String relative, String text) {
            try {
                Path file = home.resolve(relative);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** A docker CLI context named {@code name} whose endpoint is {@link #CONTEXT_SOCKET}, under {@code configDir}. */
        void context(String configDir, String name) {
            file(configDir + "/contexts/meta/" + sha256(name) + "/meta.json", "{\"Name\":\"" + name
                    + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + CONTEXT_SOCKET
                    + "\",\"SkipTLSVerify\":false}}}");
        }
    }

    private static Arguments shortcut(String name, Consumer<Setup> setup) {
        return Arguments.of(name, setup, true);
    }

    private static Arguments noShortcut(String name, Consumer<Setup> setup) {
        return Arguments.of(name, setup, false);
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                shortcut("nothing configured", s -> { }),
                shortcut("unrelated variables", s -> {
                    s.env().put("PATH", "/usr/bin");
                    s.env().put("DOCKER_CERT_PATH", "/nonexistent");
                    s.env().put("DOCKER_TLS_VERIFY", "0");
                }),
                shortcut("blank DOCKER_HOST and DOCKER_CONTEXT", s -> {
                    s.env().put("DOCKER_HOST", "  ");
                    s.env().put("DOCKER_CONTEXT", "");
                }),
                shortcut("docker.host is not a docker-java property", s -> s.props().setProperty("docker.host",
                        "tcp://elsewhere:2375")),
                shortcut("DOCKER_CONTEXT as a system property is not read", s -> s.props().setProperty(
                        "DOCKER_CONTEXT", "ctx")),
                shortcut("empty config.json", s -> s.file(".docker/config.json", "{}")),
                shortcut("config.json with auths only", s -> s.file(".docker/config.json",
                        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"dXNlcjpwYXNz\"}}}")),
                shortcut("a context exists but is not current", s -> {
                    s.context(".docker", "ctx");
                    s.file(".docker/config.json", "{\"auths\":{}}");
                }),
                noShortcut("DOCKER_HOST", s -> s.env().put("DOCKER_HOST", "tcp://127.0.0.1:2375")),
                noShortcut("DOCKER_HOST system property", s -> s.props().setProperty("DOCKER_HOST",
                        "tcp://127.0.0.1:2376")),
                noShortcut("DOCKER_CONTEXT", s -> {
                    s.context(".docker", "ctx");
                    s.env().put("DOCKER_CONTEXT", "ctx");
                }),
                noShortcut("currentContext in config.json", s -> {
                    s.context(".docker", "ctx");
                    s.file(".docker/config.json", "{\"currentContext\":\"ctx\"}");
                }),
                noShortcut("currentContext default", s -> s.file(".docker/config.json",
                        "{\"currentContext\":\"default\"}")),
                noShortcut("DOCKER_CONFIG naming a directory with a current context", s -> {
                    s.context("elsewhere", "ctx");
                    s.file("elsewhere/config.json", "{\"currentContext\":\"ctx\"}");
                    s.env().put("DOCKER_CONFIG", s.home().resolve("elsewhere").toString());
                }),
                noShortcut("DOCKER_CONFIG system property", s -> {
                    s.context("elsewhere", "ctx");
                    s.file("elsewhere/config.json", "{\"currentContext\":\"ctx\"}");
                    s.props().setProperty("DOCKER_CONFIG", s.home().resolve("elsewhere").toString());
                }),
                noShortcut("~/.docker-java.properties", s -> s.file(".docker-java.properties",
                        "DOCKER_HOST=tcp://127.0.0.1:2377\n")),
                noShortcut("an escaped key in config.json", s -> {
                    s.context(".docker", "ctx");
                    s.file(".docker/config.json", "{\"current\\u0043ontext\":\"ctx\"}");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void theShortcutChoosesWhatDockerJavaChooses(String name, Consumer<Setup> configure, boolean applies) {
        Setup setup = new Setup(new HashMap<>(), new Properties(), home);
        setup.props().setProperty("user.home", home.toString());
        setup.props().setProperty("user.name", "gpuenv");
        configure.accept(setup);

        Optional<URI> shortcut = EngineEndpoint.unconfigured(setup.env(), setup.props());
        URI dockerJava = DockerJavaResolution.dockerHost(setup.env(), setup.props());

        assertThat(shortcut.isPresent()).as("shortcut applies for: " + name).isEqualTo(applies);
        if (applies) {
            assertThat(shortcut).contains(dockerJava);
        } else if (!name.equals("currentContext default")) {
            // the configuration is real: docker-java goes elsewhere than the default
            assertThat(dockerJava).isNotEqualTo(EngineEndpoint.UNIX_DEFAULT).isNotEqualTo(
                    EngineEndpoint.WINDOWS_DEFAULT);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
