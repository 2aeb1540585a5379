package io.github.gpuenv.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpuenv.Fact;
import io.github.gpuenv.GpuEnvReport;
import io.github.gpuenv.ProbeAttempt;

/**
 * Writes a {@link GpuEnvReport} as JSON with Jackson: a known fact is its value's fields, an unknown fact is
 * {@code null} plus an entry in {@code unknowns}.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(GpuEnvReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", report.schemaVersion());
        root.set("os", fact(report.os()));
        root.set("windows", fact(report.windows()));
        root.set("wsl", fact(report.wsl()));
        root.set("wslHost", fact(report.wslHost()));
        root.set("nvidia", fact(report.nvidia()));
        root.set("container", fact(report.container()));
        root.set("toolkit", fact(report.toolkit()));
        root.set("docker", fact(report.docker()));
        root.set("checks", MAPPER.valueToTree(report.checks()));
        root.put("ready", report.ready());
        ArrayNode unknowns = root.putArray("unknowns");
        report.unknowns().forEach(u -> unknowns.addObject()
                .put("fact", u.fact()).put("reason", u.reason().id()).put("detail", u.detail()));
        ArrayNode attempts = root.putArray("attempts");
        for (ProbeAttempt a : report.attempts()) {
            attempts.addObject().put("fact", a.fact()).put("probe", a.probe()).put("outcome", a.outcome())
                    .put("detail", a.detail()).put("elapsedMillis", a.elapsed().toMillis());
        }
        root.put("detectedAt", report.detectedAt().toString());
        root.put("elapsedMillis", report.elapsed().toMillis());
        return root;
    }

    /** The report as indented JSON text. */
    public static String write(GpuEnvReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode fact(Fact<?> fact) {
        if (fact instanceof Fact.Known<?> known) {
            com.fasterxml.jackson.databind.JsonNode node = MAPPER.valueToTree(known.value());
            if (node instanceof ObjectNode object) {
                object.put("probe", known.probe());
            }
            return node;
        }
        return MAPPER.nullNode();
    }
}
