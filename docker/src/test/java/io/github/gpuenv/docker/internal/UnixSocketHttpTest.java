package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.DockerUnavailableException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real unix-socket server in the test (what it answers is scripted per test). */
class UnixSocketHttpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws IOException {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    /** Serves one connection: reads the request head, answers {@code answer} (null: stays silent), closes. */
    private Path serve(byte[] answer, AtomicReference<String> request) throws IOException {
        Path socket = dir.resolve("d.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (SocketChannel client = server.accept()) {
                StringBuilder head = new StringBuilder();
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                while (!head.toString().contains("\r\n\r\n") && client.read(buffer) > 0) {
                    head.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                    buffer.clear();
                }
                request.set(head.toString());
                if (answer == null) {
                    release.await(60, TimeUnit.SECONDS);
                    return;
                }
                ByteBuffer out = ByteBuffer.wrap(answer);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            } catch (IOException | InterruptedException e) {
                request.compareAndSet(null, "server failed: " + e);
            }
        });
        return socket;
    }

    @Test
    void sendsAnHttp10GetAndReadsTheAnswer() throws IOException {
        AtomicReference<String> request = new AtomicReference<>();
        Path socket = serve("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"ApiVersion\":\"1.45\"}"
                .getBytes(StandardCharsets.US_ASCII), request);
        RawEngineApi.Response response = UnixSocketHttp.request(socket, "GET", "/version", TIMEOUT);
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ApiVersion\":\"1.45\"}");
        assertThat(request.get()).isEqualTo("GET /version HTTP/1.0\r\nHost: docker\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aNon2xxAnswerKeepsItsStatusAndBody() throws IOException {
        Path socket = serve("HTTP/1.1 500 Internal Server Error\r\n\r\n{\"message\":\"boom\"}"
                .getBytes(StandardCharsets.US_ASCII), new AtomicReference<>());
        RawEngineApi.Response response = UnixSocketHttp.request(socket, "GET", "/info", TIMEOUT);
        assertThat(response.status()).isEqualTo(500);
        assertThat(EngineJsonParser.errorMessage(response.body())).isEqualTo("boom");
    }

    @Test
    void readsBodiesLargerThanOneBuffer() throws IOException {
        String big = "x".repeat(300_000);
        Path socket = serve(("HTTP/1.0 200 OK\r\n\r\n" + big).getBytes(StandardCharsets.US_ASCII),
                new AtomicReference<>());
        assertThat(UnixSocketHttp.request(socket, "GET", "/info", TIMEOUT).body()).hasSize(big.length());
    }

    @Test
    void anAnswerOverTheLimitIsAProtocolError() throws IOException {
        byte[] huge = new byte[RawEngineApi.MAX_BODY_BYTES + 128 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] head = "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, huge, 0, head.length);
        Path socket = serve(huge, new AtomicReference<>());
        assertThatThrownBy(() -> UnixSocketHttp.request(socket, "GET", "/info", TIMEOUT))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("larger than");
    }

    @Test
    void notHttpIsAProtocolError() throws IOException {
        Path socket = serve("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII), new AtomicReference<>());
        assertThatThrownBy(() -> UnixSocketHttp.request(socket, "GET", "/info", TIMEOUT))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aSilentDaemonTimesOut() throws IOException {
        Path socket = serve(null, new AtomicReference<>());
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                UnixSocketHttp.request(socket, "GET", "/info", Duration.ofMillis(300)));
        assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
        assertThat(EngineFailures.unavailable("unix://" + socket, "GET /info", thrown).kind())
                .isEqualTo(Kind.TIMED_OUT);
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() throws Exception {
        Path socket = serve(null, new AtomicReference<>());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                UnixSocketHttp.request(socket, "GET", "/info", Duration.ofMinutes(5));
            } catch (IOException e) {
                thrown.set(e);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(caller.isAlive()).as("still waiting after the interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
        assertThat(flag.get()).isTrue();
        assertThat(EngineFailures.unavailable("unix://" + socket, "GET /info", thrown.get()).kind())
                .isEqualTo(Kind.TIMED_OUT);
    }

    @Test
    void noSocketIsNotRunning() {
        Path socket = dir.resolve("absent.sock");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                UnixSocketHttp.request(socket, "GET", "/version", TIMEOUT));
        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(EngineFailures.unavailable("unix://" + socket, "GET /version", thrown).kind())
                .isEqualTo(Kind.NOT_RUNNING);
    }

    @Test
    void aSocketNobodyListensOnIsNotRunning() throws IOException {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                UnixSocketHttp.request(socket, "GET", "/version", TIMEOUT));
        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(EngineFailures.unavailable("unix://" + socket, "GET /version", thrown).kind())
                .isEqualTo(Kind.NOT_RUNNING);
    }
}
