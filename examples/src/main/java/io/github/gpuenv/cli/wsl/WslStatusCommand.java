package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.cli.GpuEnvCli;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.wsl.WslStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gpuenv wsl status [--json]}: exit 1 when wsl.exe reports a problem, or when there is no wsl.exe to run here
 * (problem {@code not-applicable} outside Windows and WSL, {@code interop-disabled} or {@code wsl-exe-not-found}
 * inside WSL: nothing is run, and the line {@code why:} says why).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Whether WSL is installed and usable, the default distribution and version (exit 1 on a problem).")
public final class WslStatusCommand implements Callable<Integer> {

    @Mixin
    WslMixin common;

    @Override
    public Integer call() {
        WslStatus s = common.wsl().status();
        if (common.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("installed", s.installed());
            m.put("problem", s.problemIfAny().map(WslProblem::id).orElse(null));
            m.put("remedy", s.problemIfAny().map(WslProblem::remedy).orElse(null));
            m.put("defaultDistribution", s.defaultDistribution());
            m.put("defaultVersion", s.defaultVersion());
            m.put("exitCode", s.exitCode());
            common.printJson(m);
        } else {
            var out = common.out();
            boolean notHere = s.problem() == WslProblem.NOT_APPLICABLE;
            out.println("installed:            " + (notHere ? "does not apply here" : s.installed() ? "yes" : "no"));
            out.println("problem:              " + s.problemIfAny().map(p -> p.id() + " → " + p.remedy()).orElse("none"));
            if (s.problemIfAny().map(WslProblem::ranNothing).orElse(false)) {
                out.println("why:                  " + s.rawText()); // nothing was run: say why
            }
            out.println("default distribution: " + (s.defaultDistribution() == null ? "-" : s.defaultDistribution()));
            out.println("default version:      " + (s.defaultVersion() == null ? "-" : s.defaultVersion()));
            out.flush();
        }
        return s.problem() == null ? GpuEnvCli.OK : GpuEnvCli.NOT_READY;
    }
}
