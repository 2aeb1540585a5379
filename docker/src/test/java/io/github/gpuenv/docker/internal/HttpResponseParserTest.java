package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private static Optional<RawEngineApi.Response> parse(String raw) {
        return HttpResponseParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(Optional<RawEngineApi.Response> response) {
        return new String(response.orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheStatusAndTheBodyToTheEnd() {
        Optional<RawEngineApi.Response> r = parse("HTTP/1.0 200 OK\r\nApi-Version: 1.45\r\nContent-Type: application/json"
                + "\r\n\r\n{\"Version\":\"26.1.5\"}\n");
        assertThat(r.orElseThrow().status()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("{\"Version\":\"26.1.5\"}\n");
    }

    @Test
    void honoursContentLength() {
        assertThat(body(parse("HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}trailing"))).isEqualTo("{}");
        assertThat(parse("HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}").orElseThrow().status())
                .isEqualTo(404);
    }

    @Test
    void aBodyShorterThanItsLengthIsTruncated() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}")).isEmpty();
    }

    @Test
    void chunkedIsNotWhatAnHttp10RequestGets() {
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")).isEmpty();
    }

    @Test
    void notHttpIsEmpty() {
        assertThat(HttpResponseParser.parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("HTTP/1.0 200 OK\r\n")).isEmpty();
        assertThat(parse("SSH-2.0-OpenSSH_9.2\r\n\r\n")).isEmpty();
        assertThat(parse("HTTP/1.0 20x OK\r\n\r\n")).isEmpty();
        assertThat(parse("HTTP/1.0 2000 OK\r\n\r\n")).isEmpty();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n")).isEmpty();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")).isEmpty();
    }

    @Test
    void binaryNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            HttpResponseParser.parse(bytes);
            byte[] prefixed = ("HTTP/1.1 200 OK\r\n" + new String(bytes, StandardCharsets.ISO_8859_1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThat(HttpResponseParser.parse(prefixed)).isNotNull();
        }
    }
}
