package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.DockerUnavailableException;
import java.util.Optional;

/**
 * From an engine's answer to the unversioned {@code GET /version} to the version it runs and the API version gpuenv
 * speaks with it ({@link ApiVersions}); the one place for both transports.
 *
 * <p>{@code VersionNegotiation.Result r = VersionNegotiation.of(endpoint, RawEngineApi.get(http, "/version"));}
 */
public final class VersionNegotiation {

    private VersionNegotiation() {
    }

    /**
     * @throws DockerUnavailableException ({@code PROTOCOL}) for a non-200 answer, a body that is not an engine's
     *         {@code /version}, or an API range gpuenv does not support
     */
    public static Result of(String endpoint, RawEngineApi.Response response) {
        if (response.status() != 200) {
            throw new DockerUnavailableException(DockerUnavailableException.Kind.PROTOCOL, endpoint,
                    "GET /version", "the Docker Engine at " + endpoint + " answered GET /version with HTTP "
                    + response.status() + ": " + EngineJsonParser.errorMessage(response.body()),
                    "check that " + endpoint + " is a Docker Engine API endpoint (`docker version`)", null);
        }
        EngineVersion version = EngineJsonParser.parseVersion(response.body()).orElseThrow(() ->
                new DockerUnavailableException(DockerUnavailableException.Kind.PROTOCOL, "", "GET /version",
                        "the answer to GET /version is not a Docker Engine's", "", null));
        Optional<String> negotiated = ApiVersions.negotiate(version.apiVersion(), version.minApiVersion());
        String api = negotiated.orElseThrow(() -> new DockerUnavailableException(
                DockerUnavailableException.Kind.PROTOCOL, endpoint, "negotiate the API version",
                "the Docker Engine at " + endpoint + " speaks API " + version.minApiVersion() + "–"
                        + version.apiVersion() + ", outside what gpuenv supports (up to "
                        + ApiVersions.MAX_SUPPORTED + ")",
                "use a gpuenv release that supports this engine", null));
        return new Result(version, api);
    }

    /**
     * @param version what {@code /version} said
     * @param apiVersion the API version to speak
     */
    public record Result(EngineVersion version, String apiVersion) {
    }
}
