package io.github.gpuenv.docker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stand-in engine at the socket boundary: a unix-socket proxy in front of a real engine that forwards every request
 * except those matching a rule, which it holds — it reads them and answers nothing, as a daemon blocked in a hung
 * NVIDIA hook does. {@link #release()} forwards what it held (late answers, as a daemon that recovers gives) and stops
 * holding. Each request travels on a connection of its own ({@code Connection: close} is set on the way in), so the
 * rule sees every request. Requests are matched as {@code "POST /containers/create"}: the method, a space, the path
 * without its {@code /v1.xx} prefix and query.
 *
 * <p>{@code try (StallingEngine proxy = StallingEngine.start(host, r -> r.startsWith("POST /containers/create"))) { ... proxy.host() ... }}
 */
public final class StallingEngine implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.[0-9]+(?=/)");

    private final Path socket;
    private final Path upstream;
    private final ServerSocketChannel server;
    private final Predicate<String> stall;
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile boolean releasing;
    private volatile boolean closed;

    private record Held(SocketChannel client, byte[] head, byte[] rest) {
    }

    private StallingEngine(Path socket, Path upstream, ServerSocketChannel server, Predicate<String> stall) {
        this.socket = socket;
        this.upstream = upstream;
        this.server = server;
        this.stall = stall;
    }

    /** A proxy in front of the engine at {@code upstreamHost} ({@code unix://…}) that holds what {@code stall} matches. */
    public static StallingEngine start(String upstreamHost, Predicate<String> stall) throws IOException {
        Path dir = Files.createTempDirectory("gpuenv-stall");
        Path socket = dir.resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        StallingEngine proxy = new StallingEngine(socket, Path.of(upstreamHost.substring("unix://".length())), server,
                stall);
        Thread acceptor = new Thread(proxy::accept, "stalling-engine-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The proxy's endpoint, for {@code DOCKER_HOST}. */
    public String host() {
        return "unix://" + socket;
    }

    /** How many requests it has held. */
    public int stalledCount() {
        return stalled.get();
    }

    /** Forwards every held request and holds no more. */
    public void release() {
        releasing = true;
        for (Held h : held) {
            held.remove(h);
            daemon(() -> forward(h.client, h.head, h.rest), "stalling-engine-late");
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                open.add(client);
                daemon(() -> serve(client), "stalling-engine-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            int end = -1;
            while (end < 0) {
                buf.clear();
                if (client.read(buf) < 0) {
                    client.close();
                    return;
                }
                head.write(buf.array(), 0, buf.position());
                end = indexOf(head.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (head.size() > 1 << 20) {
                    client.close();
                    return;
                }
            }
            byte[] all = head.toByteArray();
            byte[] headBytes = java.util.Arrays.copyOfRange(all, 0, end + 4);
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (!releasing && stall.test(requestOf(headBytes))) {
                stalled.incrementAndGet();
                held.add(new Held(client, headBytes, rest));
                return;
            }
            forward(client, headBytes, rest);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void forward(SocketChannel client, byte[] head, byte[] rest) {
        try (SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(upstream))) {
            open.add(engine);
            engine.write(ByteBuffer.wrap(withConnectionClose(head)));
            engine.write(ByteBuffer.wrap(rest));
            Thread up = daemon(() -> pump(client, engine), "stalling-engine-up");
            pump(engine, client);
            up.interrupt();
        } catch (IOException e) {
            // the client or the engine went away
        } finally {
            closeQuietly(client);
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    /** {@code "POST /containers/create"} from the request head. */
    static String requestOf(byte[] head) {
        String line = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            return line;
        }
        String path = parts[1];
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        return parts[0].toUpperCase(Locale.ROOT) + " " + VERSION.matcher(path).replaceFirst("");
    }

    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.substring(0, text.length() - 4).split("\r\n")));
        lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith("connection:"));
        lines.add("Connection: close");
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Stops listening and drops every connection, held or forwarded. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        open.forEach(StallingEngine::closeQuietly);
        held.forEach(h -> closeQuietly(h.client));
        Files.deleteIfExists(socket);
        Files.deleteIfExists(socket.getParent());
    }
}
