package io.github.gpuenv.internal.container;

import java.util.Collection;
import java.util.List;

/** The container engines the {@code container} fact names, and which wins when several marks disagree. */
final class ContainerEngines {

    /** Most specific first: a Kubernetes pod also shows its CRI (containerd, Docker); Podman may leave /.dockerenv. */
    static final List<String> MOST_SPECIFIC_FIRST = List.of("kubernetes", "podman", "docker", "containerd", "lxc");

    private ContainerEngines() {
    }

    /** The most specific known engine among {@code named}; empty when none is known. */
    static String mostSpecific(Collection<String> named) {
        return MOST_SPECIFIC_FIRST.stream().filter(named::contains).findFirst().orElse("");
    }
}
