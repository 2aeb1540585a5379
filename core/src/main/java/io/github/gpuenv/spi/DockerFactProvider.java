package io.github.gpuenv.spi;

import io.github.gpuenv.DockerEngine;
import java.util.List;

/**
 * Supplies the Docker Engine fact. The {@code gpuenv-docker} module registers one through
 * {@code META-INF/services/io.github.gpuenv.spi.DockerFactProvider}; without it the fact is unknown with reason
 * {@code module-absent}.
 */
public interface DockerFactProvider {

    /** The probes of the {@code docker} fact, preferred first. */
    List<Probe<DockerEngine>> probes();
}
