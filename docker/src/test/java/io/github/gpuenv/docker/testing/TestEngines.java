package io.github.gpuenv.docker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.internal.UnixSocketHttp;
import io.github.gpuenv.system.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real engines of the integration tests, from the variables {@code .ci/docker-engines.sh env} prints
 * ({@code GPUENV_TEST_DOCKER20_HOST}, {@code GPUENV_TEST_DOCKER26_HOST}, {@code GPUENV_TEST_DOCKER_HOOK_HOST},
 * {@code GPUENV_TEST_PODMAN_HOST}, {@code GPUENV_TEST_REGISTRY}, {@code GPUENV_TEST_IMAGE}). A missing variable skips the test with a message naming
 * it, and fails it when {@code GPUENV_REQUIRE_DOCKER=1}.
 */
public final class TestEngines {

    public static final String ENGINE20 = "GPUENV_TEST_DOCKER20_HOST";
    public static final String ENGINE26 = "GPUENV_TEST_DOCKER26_HOST";
    public static final String HOOK = "GPUENV_TEST_DOCKER_HOOK_HOST";
    /** Podman 5.4's Docker-compatible API (root, its own CDI dir {@link #PODMAN_CDI_DIR}). */
    public static final String PODMAN = "GPUENV_TEST_PODMAN_HOST";
    public static final String PODMAN_CDI_DIR = "GPUENV_TEST_PODMAN_CDI_DIR";
    public static final String REGISTRY = "GPUENV_TEST_REGISTRY";
    public static final String IMAGE = "GPUENV_TEST_IMAGE";

    private TestEngines() {
    }

    /** The value of {@code variable}; skips (or fails under GPUENV_REQUIRE_DOCKER=1) when unset. */
    public static String require(String variable) {
        String value = System.getenv(variable);
        boolean present = value != null && !value.isBlank();
        if (!present && "1".equals(System.getenv("GPUENV_REQUIRE_DOCKER"))) {
            fail(variable + " is not set and GPUENV_REQUIRE_DOCKER=1: start the engines with"
                    + " `.ci/docker-engines.sh start` and `eval \"$(.ci/docker-engines.sh env)\"`");
        }
        assumeTrue(present, variable + " is not set: Docker integration test skipped (run"
                + " `.ci/docker-engines.sh start` and `eval \"$(.ci/docker-engines.sh env)\"`)");
        return value;
    }

    /** The test image, e.g. {@code gpuenv/busybox:test}. */
    public static String image() {
        return require(IMAGE);
    }

    /** Runs {@code .ci/docker-engines.sh} (from GPUENV_TEST_DOCKER_SCRIPT) with {@code args}; its stdout. */
    public static String script(String... args) {
        String script = require("GPUENV_TEST_DOCKER_SCRIPT");
        java.util.List<String> argv = new java.util.ArrayList<>(List.of("bash", script));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", argv) + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Engine 20.10 and Engine 26.1 (CDI), for {@code @MethodSource}: the variable names. */
    public static Stream<String> bothEngines() {
        return Stream.of(ENGINE20, ENGINE26);
    }

    /** Engine 20.10, Engine 26.1 and Podman 5.4, for {@code @MethodSource}: the variable names. */
    public static Stream<String> allEngines() {
        return Stream.of(ENGINE20, ENGINE26, PODMAN);
    }

    /** The engines with CDI (Engine 26.1, Podman 5.4), for {@code @MethodSource}: host and CDI dir variables. */
    public static Stream<org.junit.jupiter.params.provider.Arguments> cdiEngines() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(ENGINE26, "GPUENV_TEST_DOCKER26_CDI_DIR"),
                org.junit.jupiter.params.provider.Arguments.of(PODMAN, PODMAN_CDI_DIR));
    }

    /** Connects to the engine named by {@code variable} (without sweeping leftovers). */
    public static DockerGpu connect(String variable) {
        String host = require(variable);
        return DockerGpu.connect(ConnectOptions.builder().environment(environment(host)).removeLeftovers(false).build());
    }

    /** The process environment with {@code DOCKER_HOST=host}. */
    public static Environment environment(String host) {
        return Environment.system().withVariable("DOCKER_HOST", host);
    }

    /** The ids of containers with gpuenv's managed label on the engine at {@code host} (raw API, not gpuenv's). */
    public static List<String> managedContainers(String host) {
        String body = get(host, "/containers/json?all=1&filters=%7B%22label%22%3A%5B%22io.github.gpuenv.managed%3Dtrue%22%5D%7D");
        return java.util.regex.Pattern.compile("\"Id\":\"([0-9a-f]{64})\"").matcher(body).results()
                .map(m -> m.group(1)).toList();
    }

    /**
     * The ids of gpuenv containers that this JVM created on the engine at {@code host} (owner label), so that other
     * processes using the same engine at the same time (a developer's second test run) cannot fail the assertion.
     */
    public static List<String> containersOfThisJvm(String host) {
        String filter = "{\"label\":[\"io.github.gpuenv.managed=true\",\"io.github.gpuenv.owner="
                + io.github.gpuenv.docker.internal.ManagedLabels.self() + "\"]}";
        String body = get(host, "/containers/json?all=1&filters="
                + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8));
        return java.util.regex.Pattern.compile("\"Id\":\"([0-9a-f]{64})\"").matcher(body).results()
                .map(m -> m.group(1)).toList();
    }

    /**
     * The engine's {@code create} events since {@code since} of containers labelled {@code key=value} (the
     * engine's own record: a container created and removed at once still shows); waits about a second for the
     * stream to reach now.
     */
    public static List<String> createEvents(String host, java.time.Instant since, String key, String value) {
        String filter = "{\"type\":[\"container\"],\"event\":[\"create\"],\"label\":[\"" + key + "=" + value
                + "\"]}";
        long until = java.time.Instant.now().getEpochSecond() + 1;
        String body = get(host, "/events?since=" + (since.getEpochSecond() - 1) + "&until=" + until + "&filters="
                + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8));
        return body.lines().filter(l -> l.contains("\"create\"")).toList();
    }

    /** {@link #createEvents} of the gpuenv containers this JVM made (its owner label). */
    public static List<String> createEventsOfThisJvm(String host, java.time.Instant since) {
        return createEvents(host, since, "io.github.gpuenv.owner", io.github.gpuenv.docker.internal.ManagedLabels.self());
    }

    /** Asserts that no gpuenv container this JVM created is left on the engine at {@code host}. */
    public static void assertNoManagedContainers(String host) {
        assertThat(containersOfThisJvm(host)).as("gpuenv containers of this JVM left on " + host).isEmpty();
    }

    /** A raw HTTP/1.0 GET over a unix socket; the body. */
    public static String get(String host, String path) {
        return request(host, "GET", path);
    }

    /** A raw HTTP/1.0 request without a body over a unix socket ({@link UnixSocketHttp}); the body of the answer. */
    public static String request(String host, String method, String path) {
        if (!host.startsWith("unix://")) {
            throw new IllegalArgumentException("unix sockets only: " + host);
        }
        try {
            return new String(UnixSocketHttp.request(Path.of(host.substring("unix://".length())), method, path,
                    Duration.ofSeconds(60)).body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
