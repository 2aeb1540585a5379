package io.github.gpuenv.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in Docker Engine on a unix socket for the distribution's training run: it answers the requests that
 * {@code gpuenv detect} and {@code gpuenv run} send (version, info, the leftover sweep's lists, image inspect, the
 * session's lease volume, create, start, logs, wait, remove) with fixed, well-formed answers, and runs nothing. Its
 * {@code /info} offers both GPU paths (an {@code nvidia} runtime and discovered CDI devices), so a training run
 * walks the toolkit and the CDI attachment. Not a test double of the daemon: the tests use real engines.
 *
 * <p>{@code try (TrainingEngine engine = TrainingEngine.start(socket)) { ... }}
 */
final class TrainingEngine implements Closeable {

    private static final String CONTAINER_ID = "0123456789ab".repeat(5) + "cdef";
    private static final Pattern VERSIONED = Pattern.compile("^/v1\\.[0-9]+(/.*)$");
    private static final Pattern VOLUME_NAME = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]*)\"");

    private static final String VERSION = "{\"Platform\":{\"Name\":\"\"},\"Version\":\"26.1.5\",\"ApiVersion\":\"1.45\","
            + "\"MinAPIVersion\":\"1.24\",\"GitCommit\":\"411e817\",\"GoVersion\":\"go1.24.4\",\"Os\":\"linux\","
            + "\"Arch\":\"amd64\",\"KernelVersion\":\"6.1.0\",\"BuildTime\":\"2026-01-01T00:00:00.000000000+00:00\"}";
    private static final String INFO = "{\"ID\":\"training\",\"Containers\":0,\"Images\":1,\"Driver\":\"overlay2\","
            + "\"SystemTime\":\"%s\",\"LoggingDriver\":\"json-file\",\"CgroupDriver\":\"systemd\","
            + "\"CgroupVersion\":\"2\",\"KernelVersion\":\"6.1.0\",\"OperatingSystem\":\"Debian GNU/Linux 12 (bookworm)\","
            + "\"OSVersion\":\"12\",\"OSType\":\"linux\",\"Architecture\":\"x86_64\",\"NCPU\":2,\"MemTotal\":1073741824,"
            + "\"Name\":\"training\",\"ServerVersion\":\"26.1.5\",\"SecurityOptions\":[\"name=seccomp,profile=builtin\","
            + "\"name=cgroupns\"],\"Runtimes\":{\"io.containerd.runc.v2\":{\"path\":\"runc\"},\"nvidia\":{\"path\":"
            + "\"nvidia-container-runtime\"},\"runc\":{\"path\":\"runc\"}},\"DefaultRuntime\":\"runc\","
            + "\"CDISpecDirs\":[\"/etc/cdi\",\"/var/run/cdi\"],\"DiscoveredDevices\":[{\"Source\":\"cdi\","
            + "\"ID\":\"nvidia.com/gpu=0\"},{\"Source\":\"cdi\",\"ID\":\"nvidia.com/gpu=all\"}]}";
    private static final String IMAGE = "{\"Id\":\"sha256:" + "6b1e7d73f958".repeat(5) + "a1b2c3d4\","
            + "\"RepoTags\":[\"%s\"],\"RepoDigests\":[],\"Parent\":\"\",\"Created\":\"2026-01-01T00:00:00Z\","
            + "\"Config\":{\"Env\":[\"PATH=/bin\",\"NVIDIA_REQUIRE_CUDA=cuda>=12.0\"],\"Cmd\":[\"sh\"],"
            + "\"Labels\":null},\"Architecture\":\"amd64\",\"Os\":\"linux\",\"Size\":1982661,"
            + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[]}}";

    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread acceptor;

    private TrainingEngine(ServerSocketChannel server, Path socket) {
        this.server = server;
        this.socket = socket;
        this.acceptor = new Thread(this::acceptLoop, "gpuenv-training-engine");
        this.acceptor.setDaemon(true);
    }

    /** Listens on {@code socket} (replacing a stale one) until closed. */
    static TrainingEngine start(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        TrainingEngine engine = new TrainingEngine(server, socket);
        engine.acceptor.start();
        return engine;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                Thread connection = new Thread(() -> serve(channel), "gpuenv-training-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers requests on one connection until the client closes it (HTTP/1.1 keep-alive). */
    private void serve(SocketChannel channel) {
        try (channel; InputStream in = Channels.newInputStream(channel);
             OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                long length = 0;
                boolean chunked = false;
                // HTTP/1.0 (detection's UnixSocketHttp) and "Connection: close" read to the end of the stream
                boolean close = lines[0].endsWith("HTTP/1.0");
                for (String line : lines) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    close |= lower.startsWith("connection:") && lower.contains("close");
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                String body = new String(chunked ? readChunked(in) : in.readNBytes((int) length),
                        StandardCharsets.UTF_8);
                if (!answer(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", body, out) || close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to do in a training run
        }
    }

    /** Writes the answer; returns whether the connection stays open. */
    private static boolean answer(String method, String target, String body, OutputStream out) throws IOException {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Matcher versioned = VERSIONED.matcher(path);
        if (versioned.matches()) {
            path = versioned.group(1);
        }
        if (path.equals("/_ping")) {
            return send(out, 200, "text/plain", "OK", true);
        }
        if (path.equals("/version")) {
            return send(out, 200, "application/json", VERSION, true);
        }
        if (path.equals("/info")) {
            return send(out, 200, "application/json", String.format(INFO, java.time.Instant.now()), true);
        }
        if (method.equals("GET") && path.equals("/containers/json")) {
            return send(out, 200, "application/json", "[]", true);
        }
        if (method.equals("GET") && path.equals("/volumes")) {
            return send(out, 200, "application/json", "{\"Volumes\":[],\"Warnings\":null}", true);
        }
        if (method.equals("POST") && path.equals("/volumes/create")) {
            Matcher name = VOLUME_NAME.matcher(body);
            return send(out, 201, "application/json", "{\"Name\":\"" + (name.find() ? name.group(1) : "lease")
                    + "\",\"Driver\":\"local\",\"Mountpoint\":\"/tmp\",\"Labels\":{},\"Scope\":\"local\"}", true);
        }
        if (method.equals("GET") && path.startsWith("/images/") && path.endsWith("/json")) {
            String name = java.net.URLDecoder.decode(path.substring(8, path.length() - 5), StandardCharsets.UTF_8);
            return send(out, 200, "application/json", String.format(IMAGE, name), true);
        }
        if (method.equals("POST") && path.equals("/containers/create")) {
            return send(out, 201, "application/json", "{\"Id\":\"" + CONTAINER_ID + "\",\"Warnings\":[]}", true);
        }
        if (method.equals("POST") && path.endsWith("/start")) {
            return send(out, 204, null, "", true);
        }
        if (method.equals("GET") && path.endsWith("/logs")) {
            byte[] payload = "training\n".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) payload.length});
            frame.write(payload);
            return send(out, 200, "application/vnd.docker.multiplexed-stream", frame.toByteArray(), false);
        }
        if (method.equals("POST") && path.endsWith("/wait")) {
            return send(out, 200, "application/json", "{\"Error\":null,\"StatusCode\":0}", false);
        }
        if (method.equals("DELETE")) {
            return send(out, 204, null, "", true);
        }
        return send(out, 404, "application/json", "{\"message\":\"training engine: no route " + method + " " + path
                + "\"}", true);
    }

    private static boolean send(OutputStream out, int status, String type, String body, boolean keepAlive)
            throws IOException {
        return send(out, status, type, body.getBytes(StandardCharsets.UTF_8), keepAlive);
    }

    private static boolean send(OutputStream out, int status, String type, byte[] body, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status < 300 ? " OK" : " Not Found")
                .append("\r\nApi-Version: 1.45\r\nServer: Docker/26.1.5 (linux)\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (status != 204) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append(keepAlive ? "" : "Connection: close\r\n").append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return keepAlive;
    }

    /** The request line and headers, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int n = size == null ? 0 : Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers carry nothing a training run needs
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    /** One CRLF-terminated line without its terminator, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
