package io.github.gpuenv.internal.detect;

import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.internal.check.ReadinessCheck;
import io.github.gpuenv.internal.container.ContainerChecks;
import io.github.gpuenv.internal.host.HostChecks;
import io.github.gpuenv.internal.nvidia.NvidiaChecks;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.FactSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every readiness check, in report order: host and WSL, driver, container, toolkit, Docker. */
public final class Checks {

    private Checks() {
    }

    /** All checks. */
    public static List<ReadinessCheck> all() {
        return Stream.of(HostChecks.all(), NvidiaChecks.all(), ContainerChecks.all())
                .flatMap(List::stream).toList();
    }

    /** Evaluates every check; a check that throws becomes an unknown check naming the bug. */
    public static List<Check> evaluate(FactSet facts, DetectSettings options) {
        List<Check> out = new ArrayList<>();
        int i = 0;
        for (ReadinessCheck check : all()) {
            i++;
            try {
                out.add(check.evaluate(facts, options));
            } catch (RuntimeException e) {
                out.add(new Check("internal.check-" + i, CheckStatus.UNKNOWN, "check failed: " + e,
                        "report this with the output of 'gpuenv capture'", false));
            }
        }
        return out;
    }
}
