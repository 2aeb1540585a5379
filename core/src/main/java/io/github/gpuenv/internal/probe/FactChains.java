package io.github.gpuenv.internal.probe;

import io.github.gpuenv.DockerEngine;
import io.github.gpuenv.Fact;
import io.github.gpuenv.Reason;
import io.github.gpuenv.WslHost;
import io.github.gpuenv.internal.container.ContainerFacts;
import io.github.gpuenv.internal.host.HostFacts;
import io.github.gpuenv.internal.nvidia.NvidiaFacts;
import io.github.gpuenv.spi.DockerFactProvider;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.WslHostFactProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Every fact's chain, in report order; module-supplied facts come from {@link ServiceLoader} providers. */
public final class FactChains {

    private FactChains() {
    }

    /** All chains for one detection. */
    public static List<FactChain<?>> all(ClassLoader loader) {
        return List.of(HostFacts.os(), HostFacts.windows(), HostFacts.wsl(), wslHost(loader), NvidiaFacts.nvidia(),
                ContainerFacts.container(), ContainerFacts.toolkit(), docker(loader));
    }

    static FactChain<WslHost> wslHost(ClassLoader loader) {
        List<Probe<WslHost>> probes = new ArrayList<>();
        String error = load(WslHostFactProvider.class, loader, p -> probes.addAll(p.probes()));
        return new FactChain<>("wslHost", probes, absent("gpuenv-wsl", error));
    }

    static FactChain<DockerEngine> docker(ClassLoader loader) {
        List<Probe<DockerEngine>> probes = new ArrayList<>();
        String error = load(DockerFactProvider.class, loader, p -> probes.addAll(p.probes()));
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
