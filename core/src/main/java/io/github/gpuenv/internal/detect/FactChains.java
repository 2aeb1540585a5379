package io.github.gpuenv.internal.detect;

import io.github.gpuenv.internal.container.ContainerFacts;
import io.github.gpuenv.internal.fixture.LiveProbeAnswers;
import io.github.gpuenv.internal.host.HostFacts;
import io.github.gpuenv.internal.nvidia.NvidiaFacts;
import io.github.gpuenv.internal.probe.FactChain;
import io.github.gpuenv.internal.probe.LiveMachineProbe;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.spi.DockerFactProvider;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.WslHostFactProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/** Every fact's chain, in report order; module-supplied facts come from {@link ServiceLoader} providers. */
public final class FactChains {

    private FactChains() {
    }

    /** All chains for one detection. */
    public static List<FactChain<?>> all(ClassLoader loader) {
        return List.of(HostFacts.os(), HostFacts.windows(), HostFacts.wsl(), wslHost(loader), NvidiaFacts.nvidia(),
                ContainerFacts.container(), ContainerFacts.toolkit(), docker(loader));
    }

    /** The class loader module-supplied facts are looked up in: the thread's context loader, else core's. */
    public static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FactChains.class.getClassLoader();
    }

    /**
     * The probes of every chain that read the live machine beyond the seams ({@link Probe#readsLiveMachine()}), as
     * {@code "fact/probe"}: the ones a capture records the answers of.
     */
    public static Set<String> liveProbes(ClassLoader loader) {
        Set<String> live = new LinkedHashSet<>();
        for (FactChain<?> chain : all(loader)) {
            chain.probes().stream().filter(Probe::readsLiveMachine)
                    .forEach(p -> live.add(LiveProbeAnswers.key(chain.fact(), p.id())));
        }
        return live;
    }

    static FactChain<WslHost> wslHost(ClassLoader loader) {
        List<Probe<WslHost>> probes = new ArrayList<>();
        String error = load(WslHostFactProvider.class, loader, p -> probes.addAll(p.probes()));
        return new FactChain<>("wslHost", probes, absent("gpuenv-wsl", error));
    }

    /**
     * The {@code docker} chain. Its probes ask a Docker Engine, not files or commands: each is marked as reading the
     * live machine ({@link LiveMachineProbe}), whatever the provider says, so that under a fixture root the engine
     * of this machine is never asked.
     */
    static FactChain<DockerEngine> docker(ClassLoader loader) {
        List<Probe<DockerEngine>> probes = new ArrayList<>();
        String error = load(DockerFactProvider.class, loader,
                p -> p.probes().forEach(probe -> probes.add(new LiveMachineProbe<>(probe))));
        return new FactChain<>("docker", probes, absent("gpuenv-docker", error));
    }

    private static <T> Fact<T> absent(String artifact, String error) {
        return Fact.unknown(Reason.MODULE_ABSENT, "module absent: add " + artifact
                + " (io.github.gpuenv:" + artifact + ") to the classpath" + (error.isEmpty() ? "" : "; " + error));
    }

    private static <S> String load(Class<S> service, ClassLoader loader, java.util.function.Consumer<S> sink) {
        try {
            ServiceLoader.load(service, loader).forEach(sink);
            return "";
        } catch (ServiceConfigurationError | LinkageError e) {
            return "its provider failed to load: " + e.getMessage();
        }
    }
}
