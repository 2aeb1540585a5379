package io.github.gpuenv.docker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local engine's unix socket served on {@code tcp://127.0.0.1:<port>}: what a remote engine looks like to a
 * client (a TCP endpoint whose host gpuenv cannot see), with the real engine behind it. Bytes are copied both
 * ways per connection; close it to stop.
 *
 * <p>{@code try (TcpToUnixProxy proxy = TcpToUnixProxy.start("unix:///run/gpuenv-docker26/docker.sock")) { proxy.endpoint(); }}
 */
public final class TcpToUnixProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String socketPath;
    private final List<java.io.Closeable> open = new CopyOnWriteArrayList<>();

    private TcpToUnixProxy(ServerSocket server, String socketPath) {
        this.server = server;
        this.socketPath = socketPath;
    }

    /** Starts a proxy to the engine at {@code unixHost} ({@code unix:///…}). */
    public static TcpToUnixProxy start(String unixHost) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpToUnixProxy proxy = new TcpToUnixProxy(server, unixHost.substring("unix://".length()));
        Thread accept = new Thread(proxy::acceptLoop, "tcp-to-unix-accept");
        accept.setDaemon(true);
        accept.start();
        return proxy;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(socketPath));
                open.add(client);
                open.add(engine);
                InputStream fromClient = client.getInputStream();
                OutputStream toClient = client.getOutputStream();
                // the channel's own read and write, not Channels' streams: those share one lock, so a blocked read
                // would hold up every write
                pump(() -> {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = fromClient.read(buffer)) >= 0) {
                        ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                        while (b.hasRemaining()) {
                            engine.write(b);
                        }
                    }
                    engine.shutdownOutput();
                });
                pump(() -> {
                    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
                    while (engine.read(b) >= 0) {
                        toClient.write(b.array(), 0, b.position());
                        toClient.flush();
                        b.clear();
                    }
                    client.shutdownOutput();
                });
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private interface Copy {
        void run() throws IOException;
    }

    private static void pump(Copy copy) {
        Thread t = new Thread(() -> {
            try {
                copy.run();
            } catch (IOException e) {
                // the other side went away: the connection ends
            }
        }, "tcp-to-unix-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (java.io.Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
