package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.docker.DockerUnavailableException.Kind;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The exceptions docker-java's zerodep transport really throws (observed on this VM, see the report). */
class EngineFailuresTest {

    private static Kind kind(Throwable cause) {
        return EngineFailures.unavailable("unix:///var/run/docker.sock", "GET /version", new RuntimeException(cause)).kind();
    }

    @Test
    void classifies() {
        assertThat(kind(new SocketException("No such file or directory"))).isEqualTo(Kind.NOT_RUNNING);
        assertThat(kind(new ConnectException("Connection refused"))).isEqualTo(Kind.NOT_RUNNING);
        // connecting to a unix socket this user may not open (not in the docker group)
        assertThat(kind(new BindException("Permission denied"))).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(kind(new SocketTimeoutException("Read timed out"))).isEqualTo(Kind.TIMED_OUT);
        assertThat(kind(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(Kind.TLS);
        assertThat(kind(new IllegalStateException("odd"))).isEqualTo(Kind.PROTOCOL);
    }

    @Test
    void messagesNameTheEndpointAndTheRemedy() {
        DockerUnavailableException e = EngineFailures.unavailable("unix:///var/run/docker.sock", "GET /version",
                new RuntimeException(new BindException("Permission denied")));
        assertThat(e.getMessage()).contains("unix:///var/run/docker.sock").contains("usermod -aG docker");
        assertThat(EngineFailures.unavailable("unix:///x.sock", "a", new SocketException("No such file or directory"))
                .getMessage()).startsWith("Docker Engine not running at unix:///x.sock");
    }

    @Test
    void endpointsLoseTheirCredentials() {
        assertThat(EngineEndpoint.redact(URI.create("tcp://user:secret@host:2376/?x=1"))).isEqualTo("tcp://host:2376/");
        assertThat(EngineEndpoint.redact(URI.create("unix:///var/run/docker.sock"))).isEqualTo("unix:///var/run/docker.sock");
        assertThat(EngineEndpoint.redact(URI.create("npipe:////./pipe/docker_engine")))
                .isEqualTo("npipe:////./pipe/docker_engine");
    }
}
