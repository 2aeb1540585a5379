package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker socket this user may not open: a listening unix socket owned by root with mode 0600, probed by a child
 * JVM running as uid/gid 65534 with no supplementary groups ({@code setpriv}). The docker fact is unknown
 * {@code permission-denied} and {@code DockerGpu.connect()} throws kind {@code PERMISSION_DENIED} whose remedy names
 * the docker group. Needs root (skipped otherwise, failed under GPUENV_REQUIRE_DOCKER=1).
 */
class SocketPermissionIT {

    @TempDir
    Path tmp;

    @Test
    void aRootOnlySocketIsPermissionDeniedForAnUnprivilegedUser() throws Exception {
        TestEngines.require("GPUENV_TEST_DOCKER_SCRIPT");   // printed by `docker-engines.sh env` only for root
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            ChildJvm.Result r = ChildJvm.run(List.of(), "io.github.gpuenv.docker.testing.ProbeMain", List.of(),
                    Map.of("DOCKER_HOST", "unix://" + socket, "HOME", tmp.toString()), 65534, Duration.ofMinutes(2));
            assertThat(r.stdout()).as("child stderr: %s", r.stderr())
                    .contains("reason=permission-denied")
                    .contains("permission denied on the Docker socket unix://" + socket)
                    .contains("kind=PERMISSION_DENIED")
                    .containsPattern("remedy=.*docker group.*usermod -aG docker");
        }
    }
}
