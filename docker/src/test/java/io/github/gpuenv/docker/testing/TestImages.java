package io.github.gpuenv.docker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Test images made on a real engine through its raw API, without a registry or network: {@link #build} from a
 * Dockerfile (its {@code FROM} an image the engine has), {@link #importTar} from a root filesystem tar with a
 * platform of choice. Idempotent by tag: an image the engine already has under the tag is kept.
 *
 * <p>{@code TestImages.build(host, "gpuenv/preflight:cuda99", "FROM gpuenv/busybox:test\nENV NVIDIA_REQUIRE_CUDA=cuda>=99.0\n");}
 */
public final class TestImages {

    private TestImages() {
    }

    /** Builds {@code tag} from {@code dockerfile} on the engine at {@code host} unless it has {@code tag}. */
    public static synchronized String build(String host, String tag, String dockerfile) {
        if (has(host, tag)) {
            return tag;
        }
        String answer = post(host, "/build?t=" + encode(tag) + "&rm=1&forcerm=1", null,
                tar("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8)));
        if (answer.contains("\"error") || !has(host, tag)) {
            throw new AssertionError("building " + tag + " on " + host + " failed: " + answer);
        }
        return tag;
    }

    /**
     * Imports a one-file root filesystem as {@code repository:tag} for {@code platform} (e.g. {@code linux/arm64};
     * Engine 26.1 records it in the image's {@code Architecture}, 20.10 ignores it) unless the engine has it.
     */
    public static synchronized String importTar(String host, String repository, String tag, String platform) {
        String image = repository + ":" + tag;
        if (has(host, image)) {
            return image;
        }
        String answer = post(host, "/images/create?fromSrc=-&repo=" + encode(repository) + "&tag=" + encode(tag)
                + "&platform=" + encode(platform), null, tar("hello.txt", "hello\n".getBytes(StandardCharsets.UTF_8)));
        if (answer.contains("\"error") || !has(host, image)) {
            throw new AssertionError("importing " + image + " on " + host + " failed: " + answer);
        }
        return image;
    }

    /** Whether the engine at {@code host} has {@code image}. */
    public static boolean has(String host, String image) {
        return TestEngines.get(host, "/images/" + image + "/json").contains("\"Id\"");
    }

    /** An uncompressed ustar archive of one regular file. */
    public static byte[] tar(String name, byte[] data) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", data.length));
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
        int padded = (data.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(data, 0, out, 512, data.length);
        return out;
    }

    /** A raw HTTP/1.0 {@code POST} over the unix socket {@code host}, with a tar body (or none); the whole answer. */
    public static String post(String host, String path, String registryAuth, byte[] body) {
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
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                return answer.toString(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
