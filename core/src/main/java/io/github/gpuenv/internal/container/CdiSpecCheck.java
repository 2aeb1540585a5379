package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker.cdi-spec}: when the engine has CDI on, whether an {@code nvidia.com/gpu} device exists for it,
 * either as the engine reports it (Engine 28+ lists discovered devices) or in a spec file in one of its spec
 * directories on this host. Without one, {@code --device nvidia.com/gpu=all} fails with "unresolvable CDI
 * devices".
 */
final class CdiSpecCheck implements ReadinessCheck {

    static final String ID = "docker.cdi-spec";
    static final String NVIDIA_KIND = "nvidia.com/gpu";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<DockerEngine> known = facts.docker().toOptional();
        if (known.isEmpty()) {
            return Check.skipped(ID, "the Docker Engine is not known");
        }
        DockerEngine engine = known.get();
        if (engine.cdiSpecDirs().isEmpty()) {
            return Check.skipped(ID, "CDI is off in this engine (Engine before 25, or features.cdi not enabled)");
        }
        Set<String> devices = new LinkedHashSet<>();
        engine.cdiDevices().stream().filter(d -> d.startsWith(NVIDIA_KIND + "=")).forEach(devices::add);
        Optional<ContainerToolkit> toolkit = facts.toolkit().toOptional();
        if (toolkit.isPresent() && CheckScope.toolkitNotApplicable(facts).isEmpty()) {
            toolkit.get().cdiSpecs().stream()
                    .filter(s -> NVIDIA_KIND.equals(s.kind()) && inAny(s.path(), engine.cdiSpecDirs()))
                    .forEach(s -> devices.addAll(s.devices()));
        }
        if (!devices.isEmpty()) {
            return Check.pass(ID, "NVIDIA CDI devices: " + String.join(", ", devices));
        }
        return Check.warn(ID, "CDI is on (spec directories " + engine.cdiSpecDirs() + ") but no " + NVIDIA_KIND
                        + " device is defined: `--device " + NVIDIA_KIND + "=all` fails with 'unresolvable CDI"
                        + " devices'",
                "`" + Remedies.GPUENV_CDI_GENERATE + "` or `" + Remedies.CTK_CDI_GENERATE + "`");
    }

    private static boolean inAny(String path, List<String> dirs) {
        return dirs.stream().anyMatch(d -> path.startsWith(d.endsWith("/") ? d : d + "/"));
    }
}
