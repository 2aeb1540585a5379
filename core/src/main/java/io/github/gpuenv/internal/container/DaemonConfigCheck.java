package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code toolkit.daemon-config}: {@code /etc/docker/daemon.json} as it concerns GPUs. Fails when dockerd cannot
 * read it, or when {@code default-runtime} is {@code nvidia} without a {@code runtimes.nvidia} entry ("unknown or
 * invalid runtime name: nvidia", D2); warns when it registers {@code nvidia} but the running engine does not list
 * it (Docker not restarted since).
 */
final class DaemonConfigCheck implements ReadinessCheck {

    static final String ID = "toolkit.daemon-config";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<String> notApplicable = CheckScope.toolkitNotApplicable(facts);
        if (notApplicable.isPresent()) {
            return Check.skipped(ID, notApplicable.get());
        }
        Optional<ContainerToolkit> known = facts.toolkit().toOptional();
        if (known.isEmpty() || known.get().daemonJsonPath() == null) {
            return Check.skipped(ID, "no " + HostFilesToolkitProbe.DAEMON_JSON);
        }
        ContainerToolkit toolkit = known.get();
        DockerEngine engine = facts.docker().orElse(null);
        String file = toolkit.daemonJsonPath();
        if (toolkit.daemonJsonProblem() != null) {
            return Check.fail(ID, file + " is " + toolkit.daemonJsonProblem() + "; dockerd will not start with it",
                    "fix the file (`python3 -m json.tool " + file + "` shows where), then `"
                            + Remedies.RESTART_DOCKER + "`");
        }
        if ("nvidia".equals(toolkit.defaultRuntime()) && !toolkit.nvidiaRuntime()) {
            return Check.fail(ID, file + " sets default-runtime nvidia but registers no runtime of that name:"
                    + " 'unknown or invalid runtime name: nvidia' (D2)", Remedies.configureAndRestart(engine));
        }
        if (toolkit.nvidiaRuntime() && engine != null && CheckScope.configuredByEtcDaemonJson(engine)
                && !engine.runtimes().contains("nvidia")) {
            return Check.warn(ID, file + " registers the nvidia runtime but the running engine lists only "
                    + engine.runtimes() + ": Docker was not restarted after `nvidia-ctk runtime configure`",
                    Remedies.RESTART_DOCKER);
        }
        List<String> seen = new ArrayList<>();
        seen.add(toolkit.nvidiaRuntime() ? "registers the nvidia runtime" : "registers no nvidia runtime");
        if (toolkit.defaultRuntime() != null) {
            seen.add("default-runtime " + toolkit.defaultRuntime());
        }
        if (toolkit.cdiFeature() != null) {
            seen.add("features.cdi " + toolkit.cdiFeature());
        }
        return Check.pass(ID, file + " " + String.join(", ", seen));
    }
}
