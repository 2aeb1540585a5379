package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.system.Environment;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security review's checks on the container path, against Engine 20.10: argv reaches the daemon as argv (no
 * shell, no splitting); image names with shell or option syntax fail typed and create nothing; least privilege as
 * the daemon records it and as the process sees it; no credentials of {@code DOCKER_HOST} in exceptions or the
 * report; and TLS that was asked for is never dropped to plaintext.
 */
class SecurityIT {

    @TempDir
    Path tmp;

    private static RunOptions.Builder busybox(String... argv) {
        return RunOptions.builder(TestEngines.image()).command(argv).pullPolicy(PullPolicy.NEVER);
    }

    @Test
    void commandElementsReachTheContainerVerbatim() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        List<String> hostile = List.of("a;b", "$(id)", "`id`", "x\ny", "-rf", "'q'", "\"dq\"", "*", "a b", "&&", "|");
        List<String> argv = new ArrayList<>(List.of("busybox", "printf", "[%s]\\n"));
        argv.addAll(hostile);
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            RunResult r = docker.run(busybox(argv.toArray(String[]::new)).build());
            StringBuilder expected = new StringBuilder();
            hostile.forEach(h -> expected.append('[').append(h).append("]\n"));
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).isEqualTo(expected.toString());
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-evil", "--privileged", "gpuenv/busybox;id", "gpuenv/busybox$(id)", "gpuenv/busybox`id`",
            "gpuenv/busybox:test\nid", "gpuenv/busybox:test&fromImage=gpuenv/busybox", "../../containers/json"})
    void imageNamesWithShellOrOptionSyntaxFailTypedAndCreateNothing(String image) {
        String host = TestEngines.require(TestEngines.ENGINE20);
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder(image).command("true")
                    .pullPolicy(PullPolicy.NEVER).build())).isInstanceOf(ImageNotFoundException.class);
            assertThatThrownBy(() -> docker.run(RunOptions.builder(image).command("true")
                    .pullPolicy(PullPolicy.MISSING).pullTimeout(Duration.ofSeconds(60)).build()))
                    .isInstanceOf(DockerGpuException.class);
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @Test
    void leastPrivilegeAsTheDaemonRecordsItAndTheProcessSeesIt() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE20)) {
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> docker.run(busybox("sh", "-c",
                    "grep -E '^(CapEff|CapBnd|CapPrm|NoNewPrivs|Seccomp):' /proc/self/status; ls /sys/class/net;"
                            + " sleep 2").build()));
            DockerGpuRunIT.awaitRunning(host);
            String id = TestEngines.containersOfThisJvm(host).get(0);
            String inspect = TestEngines.get(host, "/containers/" + id + "/json");
            assertThat(inspect).contains("\"Privileged\":false").contains("\"NetworkMode\":\"none\"")
                    .contains("\"SecurityOpt\":[\"no-new-privileges\"]").contains("\"CapDrop\":[\"ALL\"]")
                    .contains("\"CapAdd\":null");
            RunResult r = run.get(60, TimeUnit.SECONDS);
            assertThat(r.stdout()).contains("CapEff:\t0000000000000000", "CapBnd:\t0000000000000000",
                    "CapPrm:\t0000000000000000", "NoNewPrivs:\t1")
                    .as("seccomp filtering on: a privileged container runs unconfined (Seccomp: 0)")
                    .contains("Seccomp:\t2");
            assertThat(r.stdout().lines().filter(l -> !l.contains(":"))).containsExactly("lo");
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @Test
    void credentialsInDockerHostAppearInNoExceptionOrReport() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            String dockerHost = "tcp://alice:hunter2-s3cret@127.0.0.1:" + port;
            Throwable failure = null;
            try {
                DockerGpu.connect(ConnectOptions.builder().dockerHost(dockerHost).build()).close();
            } catch (DockerUnavailableException e) {
                failure = e;
            }
            assertThat(failure).isInstanceOf(DockerUnavailableException.class);
            assertThat(((DockerUnavailableException) failure).endpoint()).isEqualTo("tcp://127.0.0.1:" + port);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()) + t).doesNotContain("hunter2").doesNotContain("alice");
                for (Throwable s : t.getSuppressed()) {
                    assertThat(String.valueOf(s.getMessage())).doesNotContain("hunter2");
                }
            }
            GpuEnvReport report = GpuEnv.detect(DetectOptions.builder()
                    .environment(Environment.system().withVariable("DOCKER_HOST", dockerHost))
                    .probeTimeout(Duration.ofSeconds(5)).build());
            assertThat(report.docker().isKnown()).isFalse();
            assertThat(report.toJson()).doesNotContain("hunter2").doesNotContain("alice")
                    .contains("tcp://127.0.0.1:" + port);
        }
    }

    /** DOCKER_TLS_VERIFY=1 with a DOCKER_CERT_PATH that lacks the files: typed TLS failure, not a plaintext request. */
    @Test
    void tlsAskedForIsNeverDroppedToPlaintext() throws Exception {
        Path certs = Files.createDirectories(tmp.resolve("no-certs"));
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(15_000);
            CompletableFuture<String> received = firstBytes(server);
            Environment env = Environment.system().withVariable("DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort())
                    .withVariable("DOCKER_TLS_VERIFY", "1").withVariable("DOCKER_CERT_PATH", certs.toString());
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> DockerGpu.connect(
                    ConnectOptions.builder().environment(env).connectTimeout(Duration.ofSeconds(3)).build()).close());
            server.close();                           // ends the accept when nothing connected (the expected case)
            String bytes = received.get(30, TimeUnit.SECONDS);
            assertThat(bytes).as("no plaintext HTTP request was sent").doesNotContain("GET ").doesNotContain("HTTP/1.");
            assertThat(failure).isInstanceOfSatisfying(DockerUnavailableException.class, e -> {
                assertThat(e.kind()).isEqualTo(DockerUnavailableException.Kind.TLS);
                assertThat(e.getMessage()).contains("DOCKER_CERT_PATH " + certs + " lacks ca.pem, cert.pem, key.pem");
                assertThat(e.remedy()).contains("DOCKER_CERT_PATH");
            });
        }
    }

    /** tcp:// without DOCKER_TLS_VERIFY is plaintext: what docker-java (and the docker CLI) do when TLS is not asked for. */
    @Test
    void tcpWithoutTlsVariablesIsPlaintext() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(15_000);
            CompletableFuture<String> received = firstBytes(server);
            Environment env = Environment.system().withVariable("DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort())
                    .withVariable("DOCKER_TLS_VERIFY", "").withVariable("DOCKER_CERT_PATH", "");
            // the listener reads the request and never answers: connect() is bounded all the same
            assertThatThrownBy(() -> DockerGpu.connect(ConnectOptions.builder().environment(env)
                    .connectTimeout(Duration.ofSeconds(3)).build()).close())
                    .isInstanceOfSatisfying(DockerUnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo(DockerUnavailableException.Kind.TIMED_OUT));
            assertThat(received.get(30, TimeUnit.SECONDS)).startsWith("GET ").contains("/version");
        }
    }

    /** Accepts one connection; its first bytes (or "" when none came), then closes it. */
    private static CompletableFuture<String> firstBytes(ServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5_000);
                InputStream in = s.getInputStream();
                byte[] buf = new byte[256];
                int n = in.read(buf);
                return n <= 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketTimeoutException e) {
                return "";
            } catch (java.io.IOException e) {
                return "";
            }
        });
    }
}
