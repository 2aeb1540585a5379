package io.github.gpuenv.cli;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.labels.NodeLabels;
import io.github.gpuenv.report.GpuEnvReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpuenv labels [--format gfd|nfd-features|json]}: the Kubernetes node labels of this machine. */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = {"Print this node's Kubernetes labels: GPU Feature Discovery's (nvidia.com/...) and gpuenv's"
                + " readiness labels (gpuenv.io/...).",
                "gfd: GFD's key=value lines; nfd-features: a Node Feature Discovery features.d file (with its"
                        + " # +expiry-time directive); json: an object."})
final class LabelsCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { GFD, NFD_FEATURES, JSON }

    @Mixin
    DetectMixin detect;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "gfd (default), nfd-features or json.")
    Format format = Format.GFD;

    @Option(names = "--no-timestamp", description = "Leave out nvidia.com/gfd.timestamp (as GFD's --no-timestamp).")
    boolean noTimestamp;

    @Option(names = "--expiry", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long NFD keeps the labels of an nfd-features file (default 1h).")
    Duration expiry = Duration.ofHours(1);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GpuEnvReport report = GpuEnv.detect(detect.options());
        Instant now = Instant.now();
        Map<String, String> labels = NodeLabels.of(report, now, !noTimestamp);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case GFD -> out.print(NodeLabels.gfd(labels));
            case NFD_FEATURES -> out.print(NodeLabels.nfdFeatures(labels, now.plus(expiry)));
            case JSON -> out.println(json(labels));
        }
        out.flush();
        return GpuEnvCli.OK;
    }

    private static String json(Map<String, String> labels) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(labels);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("labels could not be written as JSON", e);
        }
    }

    /** {@code gfd}, {@code nfd-features}, {@code json}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value) {
                case "gfd" -> Format.GFD;
                case "nfd-features" -> Format.NFD_FEATURES;
                case "json" -> Format.JSON;
                default -> throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
                        + "': use gfd, nfd-features or json");
            };
        }
    }
}
