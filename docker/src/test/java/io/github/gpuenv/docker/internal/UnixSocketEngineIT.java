package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.system.FileView;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Detection's JDK unix-socket transport against docker-java's, on the real engines: the same engine record. */
class UnixSocketEngineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void bothTransportsDescribeTheEngineAlike(String variable) {
        String host = TestEngines.require(variable);
        FileView files = FileView.rooted(Path.of("/"));
        DockerEngine viaJdk = EngineInspector.inspect(UnixSocketEngine.open(URI.create(host), TIMEOUT), files);
        DockerEngine viaDockerJava;
        try (EngineConnection connection = EngineConnection.open(TestEngines.environment(host), TIMEOUT, TIMEOUT)) {
            viaDockerJava = EngineInspector.inspect(connection, files);
        }
        assertThat(viaJdk).isEqualTo(viaDockerJava);
        assertThat(viaJdk.endpoint()).isEqualTo(host);
        assertThat(viaJdk.serverVersion()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void theResolvedEndpointOfDockerHostIsReadOverTheSocket(String variable) {
        String host = TestEngines.require(variable);
        URI endpoint = EngineEndpoint.resolve(TestEngines.environment(host));
        assertThat(endpoint).isEqualTo(URI.create(host));
        assertThat(UnixSocketEngine.supports(endpoint)).isTrue();
    }
}
