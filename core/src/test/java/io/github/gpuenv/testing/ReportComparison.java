package io.github.gpuenv.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A report's JSON without what legitimately differs between a detection and its replay: {@code detectedAt}, the
 * whole run's {@code elapsedMillis}, each attempt's {@code elapsedMillis}, and the order of {@code attempts[]}
 * (facts are probed concurrently; attempts are listed as they finish), which is sorted by fact, then probe.
 * Everything else — every fact, check, unknown and attempt outcome and detail — must be equal.
 *
 * <p>{@code assertThat(ReportComparison.comparable(replayed)).isEqualTo(ReportComparison.comparable(recorded));}
 */
public final class ReportComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportComparison() {
    }

    /** The comparable form of a report's JSON text, pretty-printed (so a failure shows a readable diff). */
    public static String comparable(String reportJson) {
        try {
            ObjectNode report = (ObjectNode) JSON.readTree(reportJson);
            report.remove("detectedAt");
            report.remove("elapsedMillis");
            List<JsonNode> attempts = new ArrayList<>();
            report.withArray("attempts").forEach(attempts::add);
            attempts.forEach(a -> ((ObjectNode) a).remove("elapsedMillis"));
            attempts.sort(Comparator.comparing((JsonNode a) -> a.path("fact").asText())
                    .thenComparing(a -> a.path("probe").asText()));
            ArrayNode sorted = report.putArray("attempts");
            attempts.forEach(sorted::add);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
