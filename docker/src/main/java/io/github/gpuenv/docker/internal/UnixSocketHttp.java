package io.github.gpuenv.docker.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.0 request without a body over a unix socket, with the JDK alone ({@link SocketChannel} on a
 * {@link UnixDomainSocketAddress}): {@code Host: docker}, {@code Connection: close}, so the daemon answers without
 * chunking and closes. Detection reads {@code /version} and {@code /info} this way instead of loading docker-java's
 * transport. The whole exchange (connect, write, read) must finish within the timeout; the answer is read up to
 * {@link RawEngineApi#MAX_BODY_BYTES} of body. An interrupt ends it at once.
 *
 * <p>{@code RawEngineApi.Response r = UnixSocketHttp.request(Path.of("/var/run/docker.sock"), "GET", "/info",
 * Duration.ofSeconds(3));}
 */
public final class UnixSocketHttp {

    /** Room for the status line and headers on top of the body limit. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private UnixSocketHttp() {
    }

    /**
     * Sends {@code method path} and reads the whole answer.
     *
     * @throws SocketTimeoutException when the exchange outlasts {@code timeout}
     * @throws InterruptedIOException when the thread is interrupted (its interrupt status stays set)
     * @throws ProtocolException when the answer is not HTTP/1.x or is larger than the limit
     * @throws IOException what connecting or reading threw (no socket, connection refused, permission denied)
     */
    public static RawEngineApi.Response request(Path socket, String method, String path, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = (method + " " + path + " HTTP/1.0\r\nHost: docker\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                while (!channel.finishConnect()) {
                    await(key, SelectionKey.OP_CONNECT, deadline, "connect to " + socket);
                }
            }
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(key, SelectionKey.OP_WRITE, deadline, "send " + method + " " + path);
                }
            }
            byte[] answer = readAll(channel, key, deadline, method + " " + path);
            return HttpResponseParser.parse(answer).orElseThrow(() -> new ProtocolException(
                    "not an HTTP/1.x answer to " + method + " " + path + " (" + answer.length + " bytes)"));
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private static byte[] readAll(SocketChannel channel, SelectionKey key, long deadline, String what)
            throws IOException {
        int limit = MAX_HEADER_BYTES + RawEngineApi.MAX_BODY_BYTES;
        ByteArrayOutputStream answer = new ByteArrayOutputStream(16 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        while (true) {
            int read = channel.read(buffer);
            if (read < 0) {
                return answer.toByteArray();
            }
            if (read == 0) {
                await(key, SelectionKey.OP_READ, deadline, "read the answer to " + what);
                continue;
            }
            if (answer.size() + buffer.position() > limit) {
                throw new ProtocolException("the answer to " + what + " is larger than " + limit + " bytes");
            }
            answer.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Waits until {@code key}'s channel is ready for {@code operation} or the deadline passes. */
    private static void await(SelectionKey key, int operation, long deadline, String what) throws IOException {
        key.interestOps(operation);
        long remainingNanos = deadline - System.nanoTime();
        while (remainingNanos > 0) {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos));
            int ready = key.selector().select(millis);
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(null);
            }
            key.selector().selectedKeys().clear();
            if (ready > 0) {
                return;
            }
            remainingNanos = deadline - System.nanoTime();
        }
        throw new SocketTimeoutException("timed out: could not " + what + " in time");
    }

    private static InterruptedIOException interrupted(Throwable cause) {
        InterruptedIOException e = new InterruptedIOException("interrupted while talking to the Docker socket");
        e.initCause(cause);
        return e;
    }
}
