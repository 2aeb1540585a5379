package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code toolkit.installed}: whether the NVIDIA Container Toolkit is on this host. Missing is a warning when the
 * engine already serves GPUs through CDI (no hook needed), a failure otherwise. Skipped inside a container, on
 * Windows and macOS, and with Docker Desktop.
 */
final class ToolkitInstalledCheck implements ReadinessCheck {

    static final String ID = "toolkit.installed";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<String> notApplicable = CheckScope.toolkitNotApplicable(facts);
        if (notApplicable.isPresent()) {
            return Check.skipped(ID, notApplicable.get());
        }
        if (!facts.toolkit().isKnown()) {
            return Check.unknown(ID, "whether the NVIDIA Container Toolkit is installed is not known: "
                    + facts.toolkit().describe(), "check with `nvidia-ctk --version`");
        }
        ContainerToolkit toolkit = facts.toolkit().value();
        DockerEngine engine = facts.docker().orElse(null);
        if (toolkit.has("nvidia-container-runtime-hook") || toolkit.has("nvidia-ctk")) {
            return Check.pass(ID, "NVIDIA Container Toolkit found: " + toolkit.binaries().stream()
                    .map(b -> b.name() + (b.version() == null ? "" : " " + b.version()) + " (" + b.path() + ")")
                    .collect(Collectors.joining(", ")));
        }
        String seen = toolkit.installed()
                ? "neither nvidia-container-runtime-hook nor nvidia-ctk found (only "
                    + toolkit.binaries().stream().map(ContainerToolkit.Binary::name).collect(Collectors.joining(", "))
                    + ")"
                : "no NVIDIA Container Toolkit executable on PATH, /usr/bin or /usr/local/bin";
        if (engine != null && engine.gpuPath() == DockerEngine.GpuPath.CDI) {
            return Check.warn(ID, seen + "; Docker serves GPUs through CDI devices, which need no hook (the spec must"
                    + " be regenerated after each driver update)", Remedies.installToolkit(engine));
        }
        return Check.fail(ID, seen + "; without it Docker cannot give a container a GPU",
                toolkit.dockerSnap() ? Remedies.replaceSnapDocker() : Remedies.installToolkit(engine));
    }
}
