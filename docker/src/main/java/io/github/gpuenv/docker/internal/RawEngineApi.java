package io.github.gpuenv.docker.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;

/**
 * Raw {@code GET}s through docker-java's transport, for what its models drop or cannot do before a version is
 * chosen: the unversioned {@code /version} used to negotiate, and {@code /info} with {@code CDISpecDirs} and
 * {@code DiscoveredDevices}. Bodies are read up to {@link #MAX_BODY_BYTES}.
 *
 * <p>{@code RawEngineApi.Response r = RawEngineApi.get(http, "/version");}
 */
public final class RawEngineApi {

    /** The most bytes read from one response. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private RawEngineApi() {
    }

    /**
     * One {@code GET}; the caller's transport timeouts bound it.
     *
     * @throws RuntimeException when the transport fails (docker-java wraps the {@link IOException})
     */
    public static Response get(DockerHttpClient http, String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            return new Response(response.getStatusCode(), body.readNBytes(MAX_BODY_BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A status and body.
     *
     * @param status the HTTP status
     * @param body up to {@link #MAX_BODY_BYTES} of the body
     */
    public record Response(int status, byte[] body) {
        public Response {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }
}
