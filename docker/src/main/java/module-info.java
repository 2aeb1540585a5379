/**
 * gpuenv-docker: the {@code docker} fact of {@code GpuEnv.detect()} and {@link io.github.gpuenv.docker.DockerGpu},
 * which launches containers with GPUs (toolkit device requests, CDI, or injection) through docker-java.
 */
module io.github.gpuenv.docker {
    requires transitive io.github.gpuenv;
    /* RunOptions' escape hatch hands docker-java's CreateContainerCmd to the caller. */
    requires transitive com.github.dockerjava.api;
    requires com.github.dockerjava.core;
    requires com.github.dockerjava.transport;
    requires com.github.dockerjava.transport.zerodep;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.gpuenv.docker;

    provides io.github.gpuenv.spi.DockerFactProvider with io.github.gpuenv.docker.internal.DockerEngineProbe;
}
