package io.github.gpuenv.internal.probe;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.Objects;

/**
 * A probe as given, marked as reading the live machine beyond the seams ({@link Probe#readsLiveMachine()}), so that
 * it is never run under a fixture root: for the probes of the {@code docker} fact, which ask a Docker Engine.
 *
 * @param probe the probe
 * @param <T> the fact's type
 */
public record LiveMachineProbe<T>(Probe<T> probe) implements Probe<T> {

    public LiveMachineProbe {
        Objects.requireNonNull(probe, "probe");
    }

    @Override
    public String id() {
        return probe.id();
    }

    @Override
    public Fact<T> probe(ProbeContext context) throws Exception {
        return probe.probe(context);
    }

    @Override
    public boolean readsLiveMachine() {
        return true;
    }
}
