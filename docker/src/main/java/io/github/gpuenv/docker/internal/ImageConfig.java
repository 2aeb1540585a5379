package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What preflight reads of an image's configuration ({@code GET /images/{name}/json}): its platform, environment
 * and labels.
 *
 * <p>{@code ImageConfig image = ImageConfig.of(connection.control().inspectImageCmd("busybox").exec());}
 *
 * @param reference the image as the run names it
 * @param id the image id ({@code sha256:…}); empty when not given
 * @param os {@code Os}, e.g. {@code linux}; empty when not given
 * @param architecture {@code Architecture} as the image gives it (GOARCH), e.g. {@code amd64}; empty when not given
 * @param environment {@code Config.Env}, in the image's order ({@code KEY=VALUE}; an entry without {@code =} is a
 *     key with an empty value)
 * @param labels {@code Config.Labels}
 */
public record ImageConfig(String reference, String id, String os, String architecture,
                          Map<String, String> environment, Map<String, String> labels) {
    public ImageConfig {
        Objects.requireNonNull(reference, "reference");
        id = Objects.requireNonNullElse(id, "");
        os = Objects.requireNonNullElse(os, "");
        architecture = Objects.requireNonNullElse(architecture, "");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The configuration of {@code reference} from an inspect answer; absent parts read as empty. */
    public static ImageConfig of(String reference, InspectImageResponse inspected) {
        ContainerConfig config = inspected.getConfig();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        if (config != null) {
            env.putAll(EnvPairs.parse(config.getEnv()));
            if (config.getLabels() != null) {
                config.getLabels().forEach((k, v) -> {
                    if (k != null) {
                        labels.put(k, v == null ? "" : v);
                    }
                });
            }
        }
        return new ImageConfig(reference, inspected.getId(), inspected.getOs(), inspected.getArch(), env, labels);
    }

    /** {@code os/architecture}, e.g. {@code linux/amd64}; parts not given are {@code ?}. */
    public String platform() {
        return (os.isEmpty() ? "?" : os) + "/" + (architecture.isEmpty() ? "?" : architecture);
    }
}
