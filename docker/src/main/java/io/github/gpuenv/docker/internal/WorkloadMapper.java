package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import io.github.gpuenv.docker.ExtraHost;
import io.github.gpuenv.docker.Mount;
import io.github.gpuenv.docker.PortBinding;
import io.github.gpuenv.docker.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place gpuenv's workload options become docker-java's create request, as {@code docker run} sends them:
 * mounts as {@code HostConfig.Binds} ({@code -v} semantics: a missing bind source is created) and anonymous volumes
 * as {@code Config.Volumes}; ports as {@code ExposedPorts} and {@code HostConfig.PortBindings}; working directory,
 * entrypoint ({@code [""]} to reset), name, stop timeout on the container; shm size, IPC mode, ulimits, extra hosts,
 * nano CPUs, cpuset, init on the host config.
 *
 * <p>{@code WorkloadMapper.apply(options, cmd, hostConfig);}
 */
public final class WorkloadMapper {

    private WorkloadMapper() {
    }

    /** Sets {@code options}' workload fields on {@code cmd} and {@code host}. */
    public static void apply(RunOptions options, CreateContainerCmd cmd, HostConfig host) {
        List<Bind> binds = new ArrayList<>();
        List<Volume> anonymous = new ArrayList<>();
        for (Mount m : options.mounts()) {
            if (m.anonymous()) {
                anonymous.add(new Volume(m.target()));
            } else {
                binds.add(bind(m));
            }
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        if (!anonymous.isEmpty()) {
            cmd.withVolumes(anonymous);
        }
        if (!options.ports().isEmpty()) {
            Ports ports = new Ports();
            Set<ExposedPort> exposed = new LinkedHashSet<>();
            for (PortBinding p : options.ports()) {
                ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol().value()));
                exposed.add(port);
                String hostPort = p.hostPort() == 0 ? "" : p.hostPortEnd() == p.hostPort()
                        ? Integer.toString(p.hostPort()) : p.hostPort() + "-" + p.hostPortEnd();
                ports.bind(port, new Ports.Binding(p.hostIp(), hostPort));
            }
            cmd.withExposedPorts(new ArrayList<>(exposed));
            host.withPortBindings(ports);
        }
        options.workingDir().ifPresent(cmd::withWorkingDir);
        options.entrypoint().ifPresent(e -> cmd.withEntrypoint(e.isEmpty() ? List.of("") : new ArrayList<>(e)));
        options.name().ifPresent(cmd::withName);
        options.stopTimeout().ifPresent(t -> cmd.withStopTimeout(seconds(t)));
        options.shmSizeBytes().ifPresent(host::withShmSize);
        options.ipc().ifPresent(mode -> host.withIpcMode(mode.value()));
        if (!options.ulimits().isEmpty()) {
            List<com.github.dockerjava.api.model.Ulimit> ulimits = new ArrayList<>();
            options.ulimits().forEach(u -> ulimits.add(
                    new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard())));
            host.withUlimits(ulimits);
        }
        if (!options.extraHosts().isEmpty()) {
            host.withExtraHosts(options.extraHosts().stream().map(ExtraHost::toString).toArray(String[]::new));
        }
        options.nanoCpus().ifPresent(host::withNanoCPUs);
        options.cpusetCpus().ifPresent(host::withCpusetCpus);
        if (options.init()) {
            host.withInit(true);
        }
    }

    /** Whole seconds, rounded up (the engine's unit for stop timeouts), at most {@link Integer#MAX_VALUE}. */
    public static int seconds(java.time.Duration time) {
        long seconds = time.getSeconds() + (time.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds));
    }

    private static Bind bind(Mount m) {
        SELContext label = m.options().contains("z") ? SELContext.shared
                : m.options().contains("Z") ? SELContext.single : SELContext.DEFAULT;
        PropagationMode propagation = PropagationMode.DEFAULT;
        for (PropagationMode p : PropagationMode.values()) {
            if (m.options().contains(p.toString()) && !p.toString().isEmpty()) {
                propagation = p;
            }
        }
        Boolean noCopy = m.options().contains("nocopy") ? Boolean.TRUE : null;
        return new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw, label,
                noCopy, propagation);
    }
}
