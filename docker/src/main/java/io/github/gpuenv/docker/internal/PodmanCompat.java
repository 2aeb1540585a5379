package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.GpuRequestIgnoredException;
import io.github.gpuenv.report.DockerEngine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Podman's Docker-compatible API does with GPU requests, from its source: {@code cliOpts} in
 * {@code pkg/api/handlers/compat/containers_create.go} reads only the {@code HostConfig.DeviceRequests} whose
 * {@code Driver} is {@code "cdi"}, appending their {@code DeviceIDs} to the container's devices (commit "pkg/api:
 * honor cdi devices from the hostconfig", in 5.4.0); every other request — the {@code --gpus} kind, {@code Driver}
 * {@code ""} or {@code "nvidia"} with a count or ids — is dropped without an error, and before 5.4 every request is.
 * Such a container starts without a GPU. Podman 5.4 resolves CDI names from {@code /etc/cdi} and {@code /var/run/cdi}
 * only ({@code cdi.NewCache} without spec dirs in {@code libpod/container_internal_common.go}; containers.conf's
 * {@code cdi_spec_dirs} is read from 5.5), and its {@code /info} reports no {@code CDISpecDirs}.
 *
 * <p>{@code PodmanCompat.refuseIgnored(attachment.attach(), request, engine);}
 */
public final class PodmanCompat {

    /** The CDI spec directories Podman reads by default (the only ones before 5.5). */
    public static final List<String> CDI_SPEC_DIRS = List.of("/etc/cdi", "/var/run/cdi");

    private static final Pattern MAJOR_MINOR = Pattern.compile("^v?(\\d+)\\.(\\d+)");
    private static final String CDI_REMEDY = "request the GPUs as CDI devices — `--attach cdi` (Attach.CDI), or"
            + " `--gpus nvidia.com/gpu=all` (GpuRequest.cdi(\"nvidia.com/gpu=all\")) — after generating a CDI spec"
            + " into /etc/cdi or /var/run/cdi on the Podman host: `sudo nvidia-ctk cdi generate"
            + " --output=/etc/cdi/nvidia.yaml` or `gpuenv cdi generate --output /etc/cdi/nvidia.json`";

    private PodmanCompat() {
    }

    /** Whether Podman {@code version} honours {@code Driver: "cdi"} device requests (5.4 and newer). */
    public static boolean honoursCdiRequests(String version) {
        Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.strip());
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major > 5 || major == 5 && Integer.parseInt(m.group(2)) >= 4;
    }

    /**
     * Refuses, on Podman, an attachment whose device requests Podman would drop: {@link Attach#TOOLKIT} always,
     * {@link Attach#CDI} before 5.4. Does nothing on Docker, or for {@link Attach#INJECT} (devices and mounts,
     * which Podman honours).
     *
     * @throws GpuRequestIgnoredException naming what Podman would do and the request that works there
     */
    public static void refuseIgnored(Attach attach, GpuRequest request, DockerEngine engine) {
        if (!engine.podman()) {
            return;
        }
        String attempted = "attach GPUs (" + request + ", " + attach.name().toLowerCase(java.util.Locale.ROOT)
                + ") on Podman " + engine.serverVersion() + " at " + engine.endpoint();
        if (attach == Attach.TOOLKIT) {
            throw new GpuRequestIgnoredException(attempted, "Podman " + engine.serverVersion() + " ignores a --gpus"
                    + " device request (" + request + ") on its Docker-compatible API: only Driver \"cdi\" requests"
                    + " are read, so the container would start without a GPU and without an error; gpuenv refused"
                    + " it before creating anything", honoursCdiRequests(engine.serverVersion()) ? CDI_REMEDY
                    : upgradeRemedy(), null);
        }
        if (attach == Attach.CDI && !honoursCdiRequests(engine.serverVersion())) {
            throw new GpuRequestIgnoredException(attempted, "Podman " + engine.serverVersion() + " ignores every"
                    + " device request on its Docker-compatible API, CDI ones included (they are honoured from"
                    + " Podman 5.4), so the container would start without a GPU; gpuenv refused it before creating"
                    + " anything", upgradeRemedy(), null);
        }
    }

    private static String upgradeRemedy() {
        return "upgrade to Podman 5.4 or newer and request CDI devices (`--attach cdi`), or use `--attach inject`"
                + " (device nodes and driver mounts, which Podman honours), or Podman's own CLI: `podman run"
                + " --device nvidia.com/gpu=all …`";
    }
}
