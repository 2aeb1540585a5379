package io.github.gpuenv.spi;

import io.github.gpuenv.report.DockerEngine;
import java.util.List;

/**
 * Supplies the Docker Engine fact. The {@code gpuenv-docker} module registers one through
 * {@code META-INF/services/io.github.gpuenv.spi.DockerFactProvider}; without it the fact is unknown with reason
 * {@code module-absent}. Its probes ask a Docker Engine, so detection treats each as reading the live machine
 * ({@link Probe#readsLiveMachine()}): under a fixture root they are never run — a capture's recorded answer stands in,
 * else the fact is {@code skipped}.
 */
public interface DockerFactProvider {

    /** The probes of the {@code docker} fact, preferred first. */
    List<Probe<DockerEngine>> probes();
}
