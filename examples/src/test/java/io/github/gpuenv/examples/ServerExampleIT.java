package io.github.gpuenv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detached-server example, as a user runs it (its own JVM, DOCKER_HOST), on the real Engine 20.10 without GPUs. */
class ServerExampleIT {

    @Test
    void startsWaitsServesStopsAndRemoves() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ChildJvm.Result r = ChildJvm.run(List.of(), ServerExample.class.getName(),
                List.of(TestEngines.image(), String.valueOf(port), "--no-gpus"), Map.of("DOCKER_HOST", host), null,
                Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).containsPattern("server [0-9a-f]{12} up after \\d+ ms")
                .contains("GET /index.html → 200: no GPUs requested\n")
                .contains("stopped, exit code 137");
        TestEngines.assertNoManagedContainers(host);
    }
}
