package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class LocalSocketTlsTest {

    private static final SSLConfig CONFIGURED = SSLContext::getDefault;

    @Test
    void localSocketsAndNamedPipesGetAnInertContextThatRefusesTls() throws Exception {
        for (String endpoint : new String[] {"unix:///var/run/docker.sock", "npipe:////./pipe/docker_engine"}) {
            SSLConfig tls = LocalSocketTls.forEndpoint(URI.create(endpoint), CONFIGURED);
            assertThat(tls).isNotSameAs(CONFIGURED);
            SSLContext context = tls.getSSLContext();
            assertThat(context.getProtocol()).isEqualTo("none");
            assertThatThrownBy(context::getSocketFactory).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TLS is not used");
        }
    }

    @Test
    void tcpEndpointsKeepDockerJavasConfigurationEvenWhenThereIsNone() {
        assertThat(LocalSocketTls.forEndpoint(URI.create("tcp://10.0.0.5:2376"), CONFIGURED)).isSameAs(CONFIGURED);
        assertThat(LocalSocketTls.forEndpoint(URI.create("tcp://10.0.0.5:2375"), null)).isNull();
        assertThat(LocalSocketTls.forEndpoint(null, CONFIGURED)).isSameAs(CONFIGURED);
    }
}
