package io.github.gpuenv.docker.internal;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.github.gpuenv.system.Environment;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * docker-java's own configuration ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and the current context of
 * {@code ~/.docker/config.json}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, registry auth from
 * {@code DOCKER_CONFIG}), with the variables of a gpuenv {@link Environment} applied over the process's — so a
 * detection with a test environment talks to the engine that environment names. Nothing here is re-implemented:
 * docker-java resolves contexts, the default unix socket and the Windows named pipe.
 *
 * <p>{@code URI host = DockerClientConfigs.builder(Environment.system()).build().getDockerHost();} (detection goes through
 * {@link EngineEndpoint#resolve}, which skips this in the unconfigured case)
 */
public final class DockerClientConfigs {

    private static final List<Setting> SETTINGS = List.of(
            new Setting(DefaultDockerClientConfig.DOCKER_HOST, DefaultDockerClientConfig.Builder::withDockerHost),
            new Setting(DefaultDockerClientConfig.DOCKER_CONTEXT, DefaultDockerClientConfig.Builder::withDockerContext),
            new Setting(DefaultDockerClientConfig.DOCKER_CONFIG, DefaultDockerClientConfig.Builder::withDockerConfig),
            new Setting(DefaultDockerClientConfig.DOCKER_TLS_VERIFY,
                    DefaultDockerClientConfig.Builder::withDockerTlsVerify),
            new Setting(DefaultDockerClientConfig.DOCKER_CERT_PATH,
                    DefaultDockerClientConfig.Builder::withDockerCertPath));

    private DockerClientConfigs() {
    }

    /** docker-java's default builder with {@code environment}'s settings (property over variable) applied. */
    public static DefaultDockerClientConfig.Builder builder(Environment environment) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        for (Setting setting : SETTINGS) {
            setting.value(environment).ifPresent(v -> setting.apply().accept(builder, v));
        }
        return builder;
    }

    private record Setting(String name, BiConsumer<DefaultDockerClientConfig.Builder, String> apply) {
        Optional<String> value(Environment environment) {
            Optional<String> property = environment.property(name).filter(v -> !v.isBlank());
            return property.isPresent() ? property : environment.variable(name).filter(v -> !v.isBlank());
        }
    }
}
