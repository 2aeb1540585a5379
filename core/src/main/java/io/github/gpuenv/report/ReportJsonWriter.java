package io.github.gpuenv.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.report.GpuEnvReport.UnknownFact;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Writes a {@link GpuEnvReport} as JSON: a known fact is its value's fields, an unknown fact is {@code null} plus an
 * entry in {@code unknowns}. The text is streamed with jackson-core's generator ({@link RecordJson} walks the
 * records), so printing a report builds no databind serializers.
 */
final class ReportJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private ReportJsonWriter() {
    }

    /** The report as indented JSON text. */
    static String write(GpuEnvReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            write(out, report);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, GpuEnvReport report) throws IOException {
        out.writeStartObject();
        out.writeNumberField("schemaVersion", report.schemaVersion());
        fact(out, "os", report.os());
        fact(out, "windows", report.windows());
        fact(out, "wsl", report.wsl());
        fact(out, "wslHost", report.wslHost());
        fact(out, "nvidia", report.nvidia());
        fact(out, "container", report.container());
        fact(out, "toolkit", report.toolkit());
        fact(out, "docker", report.docker());
        out.writeFieldName("checks");
        RecordJson.write(out, report.checks());
        out.writeBooleanField("ready", report.ready());
        out.writeArrayFieldStart("unknowns");
        for (UnknownFact u : report.unknowns()) {
            out.writeStartObject();
            out.writeStringField("fact", u.fact());
            out.writeStringField("reason", u.reason().id());
            out.writeStringField("detail", u.detail());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("attempts");
        for (ProbeAttempt a : report.attempts()) {
            out.writeStartObject();
            out.writeStringField("fact", a.fact());
            out.writeStringField("probe", a.probe());
            out.writeStringField("outcome", a.outcome());
            out.writeStringField("detail", a.detail());
            out.writeNumberField("elapsedMillis", a.elapsed().toMillis());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField("detectedAt", report.detectedAt().toString());
        out.writeNumberField("elapsedMillis", report.elapsed().toMillis());
        out.writeArrayFieldStart("configWarnings");
        for (ConfigWarning w : report.configWarnings()) {
            out.writeStartObject();
            out.writeStringField("setting", w.setting().property());
            out.writeStringField("source", w.source());
            out.writeStringField("value", w.value());
            out.writeStringField("message", w.message());
            out.writeBooleanField("clamped", w.clamped());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void fact(JsonGenerator out, String name, Fact<?> fact) throws IOException {
        out.writeFieldName(name);
        if (fact instanceof Fact.Known<?> known) {
            RecordJson.write(out, known.value(), "probe", known.probe());
        } else {
            out.writeNull();
        }
    }

}
