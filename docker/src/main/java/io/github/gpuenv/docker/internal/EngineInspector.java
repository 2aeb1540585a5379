package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.system.FileView;
import java.util.List;

/**
 * Reads an engine's raw {@code /info} and turns it, with the connection's {@code /version}, into core's
 * {@link DockerEngine} record (the {@code docker} fact), GPU path included.
 *
 * <p>{@code DockerEngine engine = EngineInspector.inspect(connection, FileView.rooted(Path.of("/")));}
 */
public final class EngineInspector {

    private EngineInspector() {
    }

    /**
     * One {@code GET /info}.
     *
     * @throws DockerUnavailableException when the engine stops answering or answers something else
     */
    public static DockerEngine inspect(EngineApi connection, FileView files) {
        return inspected(connection, files).engine();
    }

    /** Like {@link #inspect}, keeping the parsed {@code /info} beside the record. */
    public static Inspected inspected(EngineApi connection, FileView files) {
        EngineInfo info = info(connection);
        GpuPathResolver.Conclusion path = GpuPathResolver.resolve(connection.version(), info, files,
                sharesFiles(connection, info));
        return new Inspected(engine(connection, info, path), info);
    }

    /**
     * The engine's record and the {@code /info} it came from.
     *
     * @param engine the record
     * @param info the parsed answer
     */
    public record Inspected(DockerEngine engine, EngineInfo info) {
    }

    /** The engine record with {@code path} as its GPU path. */
    public static DockerEngine engine(EngineApi connection, EngineInfo info, GpuPathResolver.Conclusion path) {
        EngineVersion version = connection.version();
        boolean podman = version.product() == DockerEngine.Product.PODMAN;
        // Podman's /info reports no CDISpecDirs: the record names the ones it reads by default
        List<String> cdiSpecDirs = podman && info.cdiSpecDirs().isEmpty() ? PodmanCompat.CDI_SPEC_DIRS
                : info.cdiSpecDirs();
        return new DockerEngine(connection.endpoint(), first(info.serverVersion(), version.version()),
                version.apiVersion(), connection.negotiatedApiVersion(), first(info.osType(), version.os()),
                info.operatingSystem(), first(info.kernelVersion(), version.kernelVersion()), info.rootless(),
                info.dockerDesktop(), info.runtimes(), info.defaultRuntime(), cdiSpecDirs,
                info.discoveredDevices(), info.cgroupDriver(), info.cgroupVersion(), path.gpuPath(), path.detail(),
                version.product());
    }

    /** The engine's parsed {@code /info} (unversioned path: all the fields this engine has). */
    public static EngineInfo info(EngineApi connection) {
        RawEngineApi.Response response;
        try {
            response = connection.get("/info");
        } catch (RuntimeException e) {
            throw EngineFailures.unavailable(connection.endpoint(), "GET /info", e);
        }
        if (response.status() != 200) {
            throw new DockerUnavailableException(DockerUnavailableException.Kind.PROTOCOL, connection.endpoint(),
                    "GET /info", "the Docker Engine at " + connection.endpoint() + " answered GET /info with HTTP "
                    + response.status() + ": " + EngineJsonParser.errorMessage(response.body()), "", null);
        }
        return EngineJsonParser.parseInfo(response.body()).orElseThrow(() -> new DockerUnavailableException(
                DockerUnavailableException.Kind.PROTOCOL, connection.endpoint(), "GET /info",
                "the answer to GET /info from " + connection.endpoint() + " is not a Docker Engine's", "", null));
    }

    /** Whether the engine reads this machine's files: a unix socket that is not Docker Desktop's VM. */
    static boolean sharesFiles(EngineApi connection, EngineInfo info) {
        return connection.endpoint().startsWith("unix://") && !info.dockerDesktop();
    }

    private static String first(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }
}
