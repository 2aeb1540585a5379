package io.github.gpuenv.cli;

import io.github.gpuenv.docker.ConnectOptions;
import picocli.CommandLine.Option;

/** {@code -H/--host}: the Docker endpoint, as {@code DOCKER_HOST} would give it (default: docker-java's choice). */
final class DockerHostMixin {

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker endpoint, e.g. unix:///var/run/docker.sock (default: DOCKER_HOST, the current"
                    + " docker context, or the default socket).")
    String host;

    ConnectOptions connectOptions() {
        return connectOptionsBuilder().build();
    }

    /** The options so far, for a command that sets more. */
    ConnectOptions.Builder connectOptionsBuilder() {
        ConnectOptions.Builder builder = ConnectOptions.builder();
        if (host != null && !host.isBlank()) {
            builder.dockerHost(host);
        }
        return builder;
    }
}
