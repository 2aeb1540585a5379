package io.github.gpuenv.docker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import io.github.gpuenv.docker.LaunchPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link LaunchPlan} off a prepared docker-java create command — the command a run sends — so the plan
 * shows what the engine would receive, whatever set it (gpuenv's attachment, the run's options, the caller's
 * modifier), and its {@link LaunchPlan#createRequest()} is the body docker-java writes with the same object mapper.
 *
 * <p>{@code LaunchPlan plan = LaunchPlans.of(endpoint, cmd, gpu, image, preflight, mapper);}
 */
final class LaunchPlans {

    private LaunchPlans() {
    }

    /**
     * The plan of {@code cmd}.
     *
     * @param gpu the GPU attachment; null when no GPUs are requested
     * @param image the image's configuration; null when the engine does not have it
     * @param preflightOn whether preflight ran
     * @param preflight its result
     * @param mapper docker-java's object mapper (the one its create request is written with)
     */
    static LaunchPlan of(String endpoint, CreateContainerCmd cmd, GpuAttachment gpu, ImageConfig image,
                         boolean preflightOn, Preflight.Result preflight, ObjectMapper mapper) {
        HostConfig host = cmd.getHostConfig() == null ? HostConfig.newHostConfig() : cmd.getHostConfig();
        List<LaunchPlan.DeviceRequest> requests = new ArrayList<>();
        List<String> cdi = new ArrayList<>();
        if (host.getDeviceRequests() != null) {
            for (com.github.dockerjava.api.model.DeviceRequest r : host.getDeviceRequests()) {
                List<String> ids = r.getDeviceIds() == null ? List.of() : r.getDeviceIds();
                requests.add(new LaunchPlan.DeviceRequest(r.getDriver(), r.getCount() == null ? 0 : r.getCount(), ids,
                        r.getCapabilities() == null ? List.of() : r.getCapabilities(),
                        r.getOptions() == null ? Map.of() : r.getOptions()));
                if ("cdi".equals(r.getDriver())) {
                    cdi.addAll(ids);
                }
            }
        }
        List<LaunchPlan.Mount> mounts = new ArrayList<>();
        if (host.getBinds() != null) {
            for (Bind b : host.getBinds()) {
                mounts.add(new LaunchPlan.Mount("bind", b.getPath(), b.getVolume() == null ? ""
                        : b.getVolume().getPath(), b.getAccessMode() == AccessMode.ro));
            }
        }
        if (host.getMounts() != null) {
            for (com.github.dockerjava.api.model.Mount m : host.getMounts()) {
                mounts.add(new LaunchPlan.Mount(m.getType() == null ? "" : m.getType().name().toLowerCase(Locale.ROOT),
                        m.getSource(), m.getTarget(), Boolean.TRUE.equals(m.getReadOnly())));
            }
        }
        if (host.getTmpFs() != null) {
            host.getTmpFs().forEach((target, options) -> mounts.add(new LaunchPlan.Mount("tmpfs", "", target,
                    options != null && Arrays.asList(options.split(",")).contains("ro"))));
        }
        List<LaunchPlan.Device> devices = new ArrayList<>();
        if (host.getDevices() != null) {
            for (com.github.dockerjava.api.model.Device d : host.getDevices()) {
                devices.add(new LaunchPlan.Device(d.getPathOnHost(), d.getPathInContainer(), d.getcGroupPermissions()));
            }
        }
        String body;
        try {
            body = mapper.writeValueAsString(cmd);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the create request cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
        return new LaunchPlan(endpoint, cmd.getImage(), image == null ? "" : image.platform(),
                list(cmd.getEntrypoint()), list(cmd.getCmd()), gpu == null ? null : gpu.attach(),
                gpu == null ? "" : gpu.reason(), requests, cdi, host.getRuntime(), mounts, devices,
                EnvPairs.parse(cmd.getEnv()), cmd.getLabels() == null ? Map.of() : cmd.getLabels(),
                host.getNetworkMode(), cmd.getUser(), preflightOn, preflight.checks(), preflight.refusal(), body);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
