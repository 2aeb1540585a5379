package io.github.gpuenv.spi;

import io.github.gpuenv.report.Fact;

/**
 * One way of establishing a fact. Probes of a fact run in order and the first known result wins. A probe reads
 * the machine only through its {@link ProbeContext} (files, commands, environment), so it can run against a
 * fixture. It may throw; the executor turns that into an unknown with {@code probe-error}, and enforces its
 * time limit from outside, so a hung native call costs at most the probe timeout.
 *
 * @param <T> the fact's type
 */
public interface Probe<T> {

    /** A short stable id, e.g. {@code "nvml"}, {@code "procfs"}; {@code DetectSettings.skipProbe} takes it. */
    String id();

    /** Establishes the fact, or says why it could not. */
    io.github.gpuenv.report.Fact<T> probe(ProbeContext context) throws Exception;

    /**
     * Whether this probe reads the machine other than through its {@link ProbeContext} — a native library (NVML),
     * the Windows registry, OSHI, a Docker Engine's socket. Such a probe never runs under a fixture root (a root
     * other than the live machine's {@code /}): detection gives the answer a capture recorded for it
     * ({@code probes.json}), or reports it {@code skipped} with the reason. Default: false (files, commands and
     * the environment only, which a fixture root redirects).
     */
    default boolean readsLiveMachine() {
        return false;
    }

    /** A probe from an id and a function, for short probes. */
    static <T> Probe<T> of(String id, ProbeFunction<T> function) {
        return new Probe<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Fact<T> probe(ProbeContext context) throws Exception {
                return function.probe(context);
            }

            @Override
            public String toString() {
                return "Probe[" + id + "]";
            }
        };
    }

    /** The body of a probe. */
    @FunctionalInterface
    interface ProbeFunction<T> {
        Fact<T> probe(ProbeContext context) throws Exception;
    }
}
