package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;

/**
 * {@code docker.cgroup-driver}: with the systemd cgroup driver, {@code systemctl daemon-reload} drops the device
 * rules of running GPU containers unless {@code /dev/char} has symlinks for the NVIDIA devices; they then fail
 * with "Failed to initialize NVML: Unknown Error" (D6). CDI devices are not affected.
 */
final class CgroupDriverCheck implements ReadinessCheck {

    static final String ID = "docker.cgroup-driver";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<DockerEngine> known = facts.docker().toOptional();
        if (known.isEmpty() || known.get().cgroupDriver() == null) {
            return Check.skipped(ID, "the engine's cgroup driver is not known");
        }
        DockerEngine engine = known.get();
        if (!"systemd".equals(engine.cgroupDriver())) {
            return Check.pass(ID, "cgroup driver " + engine.cgroupDriver() + ": not affected by daemon-reload");
        }
        if (engine.gpuPath() == DockerEngine.GpuPath.CDI) {
            return Check.pass(ID, "systemd cgroup driver, GPUs served by CDI devices");
        }
        boolean symlinks = CheckScope.toolkitNotApplicable(facts).isEmpty() && facts.toolkit().toOptional()
                .map(ContainerToolkit::devCharSymlinks).map(Boolean.TRUE::equals).orElse(false);
        if (symlinks) {
            return Check.pass(ID, "systemd cgroup driver, and " + HostFilesToolkitProbe.NVIDIACTL_CHAR_LINK
                    + " exists");
        }
        return Check.warn(ID, "systemd cgroup driver without /dev/char symlinks for the NVIDIA devices: after"
                        + " `systemctl daemon-reload` running GPU containers can fail with 'Failed to initialize NVML:"
                        + " Unknown Error' (D6)",
                "`" + Remedies.DEV_CHAR_SYMLINKS + "` (a udev rule makes it last), or request GPUs as CDI devices");
    }
}
