package io.github.gpuenv.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpuenv.report.GpuEnvReport;
import java.io.IOException;

/**
 * The JSON of captures and replays with Jackson's databind: the shared {@link #mapper()}, and a report as a tree
 * (its text is {@link GpuEnvReport#toJson()}'s).
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** The shared mapper (thread-safe once configured), indenting like {@link GpuEnvReport#toJson()}; built on first use. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(GpuEnvReport report) {
        try {
            return (ObjectNode) mapper().readTree(report.toJson());
        } catch (IOException e) {
            throw new IllegalStateException("report could not be read back as JSON", e);
        }
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
