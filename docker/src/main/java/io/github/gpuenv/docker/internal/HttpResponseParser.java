package io.github.gpuenv.docker.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the bytes of a whole HTTP/1.x answer to a {@code Connection: close} HTTP/1.0 request (what
 * {@link UnixSocketHttp} reads): the status line, the headers, and the body up to the end of the bytes (or up to
 * {@code Content-Length}). Pure; never throws: no status line, a chunked body (an HTTP/1.0 request never gets one)
 * or a body shorter than its {@code Content-Length} is an empty {@link Optional}.
 *
 * <p>{@code Optional<RawEngineApi.Response> r = HttpResponseParser.parse(bytes);}
 */
public final class HttpResponseParser {

    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpResponseParser() {
    }

    /** The status and body of {@code raw}; empty when it is not a complete HTTP/1.x answer. */
    public static Optional<RawEngineApi.Response> parse(byte[] raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int headerEnd = indexOf(raw, HEADER_END);
        if (headerEnd < 0) {
            return Optional.empty();
        }
        String[] lines = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        int status = status(lines[0]);
        if (status < 0) {
            return Optional.empty();
        }
        long contentLength = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding") && !value.equalsIgnoreCase("identity")) {
                return Optional.empty();
            }
            if (name.equals("content-length")) {
                contentLength = number(value);
                if (contentLength < 0) {
                    return Optional.empty();
                }
            }
        }
        int bodyStart = headerEnd + HEADER_END.length;
        int bodyLength = raw.length - bodyStart;
        if (contentLength > bodyLength) {
            return Optional.empty();
        }
        int end = contentLength >= 0 ? bodyStart + (int) contentLength : raw.length;
        return Optional.of(new RawEngineApi.Response(status, Arrays.copyOfRange(raw, bodyStart, end)));
    }

    /** {@code HTTP/1.1 200 OK} → 200; -1 when it is not a status line. */
    private static int status(String line) {
        if (!line.startsWith("HTTP/1.")) {
            return -1;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || parts[1].length() != 3) {
            return -1;
        }
        long code = number(parts[1]);
        return code >= 100 && code <= 599 ? (int) code : -1;
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
