package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.cdi.InjectionPlan;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.InjectionPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides how a container gets its GPUs ({@link Attach}) from the engine's facts, and what that means for the
 * container's {@link HostConfig} and environment.
 *
 * <p>{@code GpuAttachment a = GpuAttachment.decide(GpuRequest.all(), Attach.AUTO, false, engine, planner);
 * a.applyTo(hostConfig);}
 *
 * @param attach the strategy chosen
 * @param deviceRequests device requests to set
 * @param runtime the runtime to set, or {@code null} for the engine's default
 * @param devices device nodes to add ({@link Attach#INJECT})
 * @param binds read-only mounts to add ({@link Attach#INJECT})
 * @param environment variables to add ({@link Attach#INJECT})
 * @param reason why this strategy, for logs and messages
 */
public record GpuAttachment(Attach attach, List<DeviceRequest> deviceRequests, String runtime, List<Device> devices,
                            List<Bind> binds, Map<String, String> environment, String reason) {
    public GpuAttachment {
        Objects.requireNonNull(attach, "attach");
        deviceRequests = List.copyOf(deviceRequests);
        devices = List.copyOf(devices);
        binds = List.copyOf(binds);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Decides.
     *
     * @param request the GPUs
     * @param attach what the caller asked for
     * @param allowInject whether {@link Attach#AUTO} may choose {@link Attach#INJECT}
     * @param engine the engine's facts
     * @param planner computes {@link Attach#INJECT} plans
     * @throws io.github.gpuenv.docker.GpuRequestIgnoredException when the engine is Podman and would drop the
     *         request ({@link PodmanCompat})
     */
    public static GpuAttachment decide(GpuRequest request, Attach attach, boolean allowInject, DockerEngine engine,
                                       InjectionPlanner planner) {
        Attach chosen = attach;
        String reason = "requested";
        if (attach == Attach.AUTO) {
            if (request.isCdi()) {
                chosen = Attach.CDI;
                reason = "CDI device names were requested";
            } else if (engine.podman()) {
                // Podman drops --gpus requests (PodmanCompat): CDI, unless injection is allowed and no spec is seen
                boolean inject = allowInject && engine.gpuPath() == DockerEngine.GpuPath.NONE;
                chosen = inject ? Attach.INJECT : Attach.CDI;
                reason = inject ? "Podman ignores --gpus, no NVIDIA CDI spec is seen and injection is allowed"
                        : "Podman serves GPUs only as CDI devices (its GPU path is " + engine.gpuPath().id()
                        + "; the daemon resolves the names)";
            } else {
                switch (engine.gpuPath()) {
                    case NVIDIA_RUNTIME, VERIFIED -> {
                        chosen = Attach.TOOLKIT;
                        reason = "the engine's GPU path is " + engine.gpuPath().id();
                    }
                    case CDI -> {
                        chosen = Attach.CDI;
                        reason = "the engine's GPU path is cdi";
                    }
                    case NONE -> {
                        chosen = allowInject ? Attach.INJECT : Attach.TOOLKIT;
                        reason = allowInject ? "the engine has no GPU path and injection is allowed"
                                : "the engine shows no GPU path; the daemon decides whether its toolkit hook serves"
                                + " --gpus";
                    }
                }
            }
        }
        return switch (chosen) {
            case TOOLKIT -> toolkit(request, engine, reason);
            case CDI -> cdi(request, engine, reason);
            case INJECT -> inject(request, planner.plan(request.gpuIds()), reason);
            case AUTO -> throw new IllegalStateException("unreachable");
        };
    }

    private static GpuAttachment toolkit(GpuRequest request, DockerEngine engine, String reason) {
        if (request.isCdi()) {
            throw new IllegalArgumentException("CDI device names need --attach cdi (or auto), not toolkit: " + request);
        }
        PodmanCompat.refuseIgnored(Attach.TOOLKIT, request, engine);
        boolean useNvidiaRuntime = engine.runtimes().contains("nvidia") && !"nvidia".equals(engine.defaultRuntime());
        return new GpuAttachment(Attach.TOOLKIT, List.of(DeviceRequestMapper.toDeviceRequest(request)),
                useNvidiaRuntime ? "nvidia" : null, List.of(), List.of(), Map.of(),
                reason + (useNvidiaRuntime ? "; runtime nvidia (registered, not the default)" : ""));
    }

    private static GpuAttachment cdi(GpuRequest request, DockerEngine engine, String reason) {
        PodmanCompat.refuseIgnored(Attach.CDI, request, engine);
        return new GpuAttachment(Attach.CDI, List.of(DeviceRequestMapper.cdi(request.cdiNames())), null, List.of(),
                List.of(), Map.of(), reason);
    }

    private static GpuAttachment inject(GpuRequest request, InjectionPlan plan, String reason) {
        List<Device> devices = new ArrayList<>();
        plan.deviceNodes().forEach(d -> devices.add(new Device(d.permissions(), d.containerPath(), d.hostPath())));
        List<Bind> binds = new ArrayList<>();
        plan.mounts().forEach(m -> binds.add(new Bind(m.hostPath(), new Volume(m.containerPath()),
                m.readOnly() ? AccessMode.ro : AccessMode.rw)));
        return new GpuAttachment(Attach.INJECT, List.of(), null, devices, binds, new LinkedHashMap<>(plan.environment()),
                reason + "; " + request.gpuIds());
    }

    /** Sets the device requests, runtime, devices and binds on {@code hostConfig}. */
    /**
     * Applies the attachment to a create request made elsewhere (Testcontainers): its host configuration (created
     * when absent) and its environment (the attachment's variables over the request's).
     */
    public void applyTo(com.github.dockerjava.api.command.CreateContainerCmd cmd) {
        HostConfig host = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
        applyTo(host);
        cmd.withHostConfig(host);
        if (!environment.isEmpty()) {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            for (String pair : cmd.getEnv() == null ? new String[0] : cmd.getEnv()) {
                int eq = pair.indexOf('=');
                env.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
            env.putAll(environment);
            cmd.withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    public void applyTo(HostConfig hostConfig) {
        if (!deviceRequests.isEmpty()) {
            hostConfig.withDeviceRequests(new ArrayList<>(deviceRequests));
        }
        if (runtime != null) {
            hostConfig.withRuntime(runtime);
        }
        if (!devices.isEmpty()) {
            hostConfig.withDevices(new ArrayList<>(devices));
        }
        if (!binds.isEmpty()) {
            hostConfig.withBinds(new ArrayList<>(binds));
        }
    }
}
