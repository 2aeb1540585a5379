package io.github.gpuenv.docker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.gpuenv.internal.JsonTrees;
import io.github.gpuenv.report.DockerEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the engine's raw {@code /version} and {@code /info} JSON. Pure; never throws: empty, truncated, binary
 * or non-object input is an empty {@link Optional}, and a field of an unexpected type reads as absent.
 *
 * <p>{@code Optional<EngineInfo> info = EngineJsonParser.parseInfo(bytes);}
 */
public final class EngineJsonParser {

    private static final String PODMAN_COMPONENT = "Podman Engine";

    private EngineJsonParser() {
    }

    /**
     * {@code GET /version}; empty unless it is a JSON object with a {@code Version} or {@code ApiVersion}. Podman's
     * names its first component {@code "Podman Engine"} (podman {@code pkg/api/handlers/compat/version.go}), Docker's
     * {@code "Engine"}.
     */
    public static Optional<EngineVersion> parseVersion(byte[] body) {
        return object(body).filter(n -> n.hasNonNull("Version") || n.hasNonNull("ApiVersion"))
                .map(n -> new EngineVersion(text(n, "Version"), text(n, "ApiVersion"), text(n, "MinAPIVersion"),
                        text(n, "Os"), text(n, "KernelVersion"), product(n.get("Components"))));
    }

    private static DockerEngine.Product product(JsonNode components) {
        if (components != null && components.isArray()) {
            for (JsonNode c : components) {
                if (c.isObject() && PODMAN_COMPONENT.equals(text(c, "Name"))) {
                    return DockerEngine.Product.PODMAN;
                }
            }
        }
        return DockerEngine.Product.DOCKER;
    }

    /** {@code GET /info}; empty unless it is a JSON object with a {@code ServerVersion} or {@code OSType}. */
    public static Optional<EngineInfo> parseInfo(byte[] body) {
        return object(body).filter(n -> n.hasNonNull("ServerVersion") || n.hasNonNull("OSType"))
                .map(n -> new EngineInfo(text(n, "ServerVersion"), text(n, "OSType"), text(n, "OperatingSystem"),
                        text(n, "KernelVersion"), strings(n.get("SecurityOptions")), runtimeNames(n.get("Runtimes")),
                        text(n, "DefaultRuntime"), strings(n.get("CDISpecDirs")),
                        discoveredDevices(n.get("DiscoveredDevices")), text(n, "CgroupDriver"),
                        text(n, "CgroupVersion"), text(n, "SystemTime")));
    }

    /** The daemon's {@code {"message": "..."}} error body, or the body as text when it is not that shape. */
    public static String errorMessage(byte[] body) {
        return object(body).map(n -> text(n, "message")).filter(m -> !m.isEmpty())
                .orElseGet(() -> new String(body, java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    private static Optional<JsonNode> object(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonTrees.read(body, false);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }

    private static List<String> runtimeNames(JsonNode runtimes) {
        List<String> names = new ArrayList<>();
        if (runtimes != null && runtimes.isObject()) {
            runtimes.fieldNames().forEachRemaining(names::add);
        }
        names.sort(null);
        return names;
    }

    /** API 1.49+: {@code [{"Source": "cdi", "ID": "nvidia.com/gpu=0"}]}; only CDI-sourced ids are kept. */
    private static List<String> discoveredDevices(JsonNode devices) {
        List<String> ids = new ArrayList<>();
        if (devices != null && devices.isArray()) {
            devices.forEach(d -> {
                if (d.isObject() && !text(d, "ID").isEmpty()
                        && (text(d, "Source").isEmpty() || text(d, "Source").equals("cdi"))) {
                    ids.add(text(d, "ID"));
                }
            });
        }
        return ids;
    }
}
