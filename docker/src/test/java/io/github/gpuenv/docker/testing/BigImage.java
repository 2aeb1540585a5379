package io.github.gpuenv.docker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * A large-ish test image in the local registry, {@code 127.0.0.1:5000/gpuenv/big:test}: one layer holding a 64 MiB
 * file of seeded pseudo-random bytes (incompressible, so a pull takes long enough to be killed midway). Built
 * through the raw API of Engine 20.10 from a tar made here ({@code POST /images/create?fromSrc=-}) and pushed;
 * idempotent (nothing is done when the registry has it).
 *
 * <p>{@code String image = BigImage.ensureInRegistry(); // 127.0.0.1:5000/gpuenv/big:test}
 */
public final class BigImage {

    public static final String REPOSITORY = "gpuenv/big";
    public static final String TAG = "test";
    static final int SIZE_BYTES = 64 * 1024 * 1024;

    private BigImage() {
    }

    /** Makes sure the registry has the image; its full reference. */
    public static synchronized String ensureInRegistry() {
        String registry = TestEngines.require(TestEngines.REGISTRY);
        String host = TestEngines.require(TestEngines.ENGINE20);
        String image = registry + "/" + REPOSITORY + ":" + TAG;
        if (inRegistry(registry)) {
            return image;
        }
        String imported = post(host, "/images/create?fromSrc=-&repo=" + registry + "/" + REPOSITORY + "&tag=" + TAG,
                null, tar());
        if (imported.contains("\"error")) {
            throw new AssertionError("import of " + image + " failed: " + imported);
        }
        String auth = Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        String pushed = post(host, "/images/" + registry + "/" + REPOSITORY + "/push?tag=" + TAG, auth, null);
        if (pushed.contains("\"error") || !inRegistry(registry)) {
            throw new AssertionError("push of " + image + " failed: " + pushed);
        }
        TestEngines.request(host, "DELETE", "/images/" + image + "?force=1");
        return image;
    }

    private static boolean inRegistry(String registry) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + REPOSITORY + "/manifests/" + TAG))
                            .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                            .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An uncompressed tar with one file, {@code /big.bin}, of {@link #SIZE_BYTES} seeded random bytes. */
    static byte[] tar() {
        byte[] out = new byte[512 + SIZE_BYTES + 1024];
        byte[] header = new byte[512];
        put(header, 0, "big.bin");
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", SIZE_BYTES));
        put(header, 136, String.format("%011o\0", 1_700_000_000L));
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        System.arraycopy(header, 0, out, 0, 512);
        byte[] data = new byte[SIZE_BYTES];
        new Random(20261129L).nextBytes(data);
        System.arraycopy(data, 0, out, 512, SIZE_BYTES);
        return out;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** A raw HTTP/1.0 POST over the engine's unix socket; the whole answer body (push/import progress). */
    private static String post(String host, String path, String registryAuth, byte[] body) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(host.substring("unix://".length())));
            OutputStream out = Channels.newOutputStream(channel);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.0\r\nHost: d\r\n");
            if (registryAuth != null) {
                head.append("X-Registry-Auth: ").append(registryAuth).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/x-tar\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            try (InputStream in = Channels.newInputStream(channel)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
