package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;

/**
 * {@code toolkit.no-cgroups}: {@code no-cgroups = true} in config.toml gives containers no device cgroup rules,
 * so {@code nvidia-smi} inside fails with "GPU access blocked by the operating system" (diagnosis D5c). Rootless
 * Docker needs that setting, so it passes there.
 */
final class NoCgroupsCheck implements ReadinessCheck {

    static final String ID = "toolkit.no-cgroups";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<String> notApplicable = CheckScope.toolkitNotApplicable(facts);
        if (notApplicable.isPresent()) {
            return Check.skipped(ID, notApplicable.get());
        }
        Optional<ContainerToolkit> toolkit = facts.toolkit().toOptional();
        if (toolkit.isEmpty() || toolkit.get().configPath() == null) {
            return Check.skipped(ID, "no " + HostFilesToolkitProbe.CONFIG_TOML);
        }
        if (!Boolean.TRUE.equals(toolkit.get().noCgroups())) {
            return Check.pass(ID, "no-cgroups is not set in " + HostFilesToolkitProbe.CONFIG_TOML);
        }
        if (facts.docker().toOptional().filter(DockerEngine::rootless).isPresent()) {
            return Check.pass(ID, "no-cgroups = true, as rootless Docker requires");
        }
        return Check.warn(ID, "no-cgroups = true in " + HostFilesToolkitProbe.CONFIG_TOML + ": containers get no"
                        + " device cgroup rules and nvidia-smi in them can fail with 'Failed to initialize NVML: GPU"
                        + " access blocked by the operating system' (D5c)",
                "set `no-cgroups = false` under [nvidia-container-cli] in " + HostFilesToolkitProbe.CONFIG_TOML
                        + " (or `sudo nvidia-ctk config --set nvidia-container-cli.no-cgroups=false --in-place`),"
                        + " then `" + Remedies.RESTART_DOCKER + "`");
    }
}
