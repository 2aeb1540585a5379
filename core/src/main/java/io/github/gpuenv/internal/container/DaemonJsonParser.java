package io.github.gpuenv.internal.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.gpuenv.internal.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads what concerns GPUs from Docker's {@code /etc/docker/daemon.json} (jackson-core, {@link JsonTrees}): whether {@code runtimes}
 * registers {@code nvidia}, {@code default-runtime}, {@code features.cdi} and {@code cdi-spec-dirs}. An empty
 * file is an empty configuration, as dockerd reads it.
 *
 * <p>{@code DaemonConfig c = DaemonJsonParser.parse(Files.readAllBytes(Path.of("/etc/docker/daemon.json")));}
 *
 * <p>Never throws: a file that is not a JSON object gives an empty configuration whose {@code problem} says why
 * (dockerd itself refuses to start with such a file).
 */
public final class DaemonJsonParser {

    private DaemonJsonParser() {
    }

    /**
     * The GPU-related settings.
     *
     * @param nvidiaRuntime whether {@code runtimes.nvidia} exists
     * @param defaultRuntime {@code default-runtime}; null when not set
     * @param cdiFeature {@code features.cdi}; null when not set
     * @param cdiSpecDirs {@code cdi-spec-dirs}; empty when not set
     * @param problem why the file could not be read as a JSON object; empty when it could
     */
    public record DaemonConfig(boolean nvidiaRuntime, String defaultRuntime, Boolean cdiFeature,
                               List<String> cdiSpecDirs, String problem) {
        public DaemonConfig {
            cdiSpecDirs = List.copyOf(cdiSpecDirs);
            problem = Objects.requireNonNullElse(problem, "");
        }

        static DaemonConfig unreadable(String problem) {
            return new DaemonConfig(false, null, null, List.of(), problem);
        }
    }

    /** The settings of {@code content} (UTF-8 JSON). */
    public static DaemonConfig parse(byte[] content) {
        if (content == null || new String(content, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new DaemonConfig(false, null, null, List.of(), "");
        }
        JsonNode root;
        try {
            root = JsonTrees.read(content, true);
        } catch (JsonProcessingException e) {
            return DaemonConfig.unreadable("not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException | RuntimeException e) {
            return DaemonConfig.unreadable("not valid JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            return DaemonConfig.unreadable("not a JSON object");
        }
        JsonNode runtimes = root.path("runtimes");
        boolean nvidia = runtimes.isObject() && runtimes.has("nvidia");
        JsonNode defaultRuntime = root.path("default-runtime");
        JsonNode cdi = root.path("features").path("cdi");
        Boolean cdiFeature = cdi.isBoolean() ? Boolean.valueOf(cdi.booleanValue())
                : cdi.isTextual() && (cdi.asText().equals("true") || cdi.asText().equals("false"))
                ? Boolean.valueOf(cdi.asText()) : null;
        List<String> dirs = new ArrayList<>();
        root.path("cdi-spec-dirs").forEach(d -> {
            if (d.isTextual() && !d.asText().isBlank()) {
                dirs.add(d.asText());
            }
        });
        return new DaemonConfig(nvidia, defaultRuntime.isTextual() ? defaultRuntime.asText() : null, cdiFeature,
                dirs, "");
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
