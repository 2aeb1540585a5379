package io.github.gpuenv.internal.container;

import io.github.gpuenv.internal.VersionNumber;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;

/**
 * {@code toolkit.cgroup-v2}: toolkits before 1.8.0 cannot set up devices on a cgroup v2 host ("cgroup subsystem
 * devices not found", "devices.allow: operation not permitted"; diagnosis D7). Needs the engine's cgroup version
 * and {@code nvidia-ctk --version}.
 */
final class ToolkitCgroupV2Check implements ReadinessCheck {

    static final String ID = "toolkit.cgroup-v2";
    static final String FIRST_CGROUP_V2_VERSION = "1.8.0";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<String> notApplicable = CheckScope.toolkitNotApplicable(facts);
        if (notApplicable.isPresent()) {
            return Check.skipped(ID, notApplicable.get());
        }
        Optional<DockerEngine> engine = facts.docker().toOptional();
        if (engine.isEmpty() || !"2".equals(engine.get().cgroupVersion())) {
            return Check.skipped(ID, engine.isEmpty() ? "the engine's cgroup version is not known"
                    : "the engine uses cgroup v" + engine.get().cgroupVersion());
        }
        Optional<ContainerToolkit> toolkit = facts.toolkit().toOptional();
        if (toolkit.isEmpty() || !toolkit.get().installed()) {
            return Check.skipped(ID, "no NVIDIA Container Toolkit installed");
        }
        String version = toolkit.get().ctkVersion();
        if (version == null) {
            return Check.warn(ID, "cgroup v2 host, and the toolkit's version could not be read (no answer from"
                            + " nvidia-ctk); toolkits before " + FIRST_CGROUP_V2_VERSION + " fail on cgroup v2",
                    "check `nvidia-container-cli --version`; upgrade the toolkit if it is older than "
                            + FIRST_CGROUP_V2_VERSION + " (" + Remedies.TOOLKIT_INSTALL_GUIDE + ")");
        }
        if (VersionNumber.below(version, FIRST_CGROUP_V2_VERSION)) {
            return Check.fail(ID, "cgroup v2 host with NVIDIA Container Toolkit " + version + ": cgroup v2 needs "
                            + FIRST_CGROUP_V2_VERSION + " or later (containers fail with 'cgroup subsystem devices"
                            + " not found', D7)",
                    "upgrade the NVIDIA Container Toolkit (" + Remedies.TOOLKIT_INSTALL_GUIDE + "), then `"
                            + Remedies.RESTART_DOCKER + "`");
        }
        return Check.pass(ID, "cgroup v2 host with NVIDIA Container Toolkit " + version);
    }
}
