package io.github.gpuenv.labels;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels a Kubernetes node gets from a report. The {@code nvidia.com/…} labels are those NVIDIA's GPU Feature
 * Discovery writes (k8s-device-plugin {@code internal/lm}: {@code nvml.go}, {@code resource.go},
 * {@code timestamp.go}), with its names and value formats, for the single GPU type of the node and MIG strategy
 * {@code none}: {@code gpu.count}, {@code gpu.product} (the name, spaces as dashes: {@code NVIDIA-H200}),
 * {@code gpu.memory} (MiB), {@code gpu.family} ({@code hopper} for compute capability 9), {@code gpu.compute.major}
 * and {@code .minor}, {@code gpu.replicas} ({@code 1}: no sharing), {@code cuda.driver-version.*} and
 * {@code cuda.runtime-version.*} (with GFD's deprecated {@code cuda.driver.*} and {@code cuda.runtime.*}),
 * {@code mig.capable}, {@code mps.capable} ({@code false}) and {@code gfd.timestamp} (Unix seconds). A label whose
 * fact is unknown is left out, as GFD leaves out what NVML does not answer. gpuenv adds
 * {@code gpuenv.io/cuda-containers-ready} ({@code true}/{@code false}) and {@code gpuenv.io/gpu-path} (the Docker
 * engine's: {@code nvidia-runtime}, {@code cdi}, {@code verified}, {@code none}; absent without a Docker fact).
 *
 * <p>{@code String file = NodeLabels.nfdFeatures(NodeLabels.of(report, Instant.now(), true), Instant.now().plus(Duration.ofHours(1)));}
 */
public final class NodeLabels {

    /** NFD's limit on a features.d file. */
    public static final int MAX_FEATURE_FILE_BYTES = 64 * 1024;
    /** gpuenv's own label namespace. */
    public static final String GPUENV = "gpuenv.io/";

    private NodeLabels() {
    }

    /**
     * The labels of {@code report}, sorted by name.
     *
     * @param now the time of {@code nvidia.com/gfd.timestamp}
     * @param timestamp whether to write that label (GFD's {@code --no-timestamp} is false)
     */
    public static SortedMap<String, String> of(GpuEnvReport report, Instant now, boolean timestamp) {
        SortedMap<String, String> labels = new TreeMap<>();
        report.nvidia().toOptional().ifPresent(driver -> gpuLabels(driver, labels));
        if (timestamp && !labels.isEmpty()) {
            labels.put("nvidia.com/gfd.timestamp", Long.toString(now.getEpochSecond()));
        }
        labels.put(GPUENV + "cuda-containers-ready", Boolean.toString(report.ready()));
        report.docker().map(DockerEngine::gpuPath).toOptional()
                .ifPresent(path -> labels.put(GPUENV + "gpu-path", path.id()));
        return Collections.unmodifiableSortedMap(labels);
    }

    private static void gpuLabels(NvidiaDriver driver, Map<String, String> labels) {
        List<GpuDevice> gpus = driver.gpus();
        if (gpus.isEmpty()) {
            return;
        }
        GpuDevice first = gpus.get(0);
        labels.put("nvidia.com/gpu.count", Integer.toString(gpus.size()));
        if (first.name() != null) {
            labels.put("nvidia.com/gpu.product", first.name().replace(' ', '-'));
        }
        labels.put("nvidia.com/gpu.replicas", "1");
        if (first.memoryTotalBytes() != null && first.memoryTotalBytes() > 0) {
            labels.put("nvidia.com/gpu.memory", Long.toString(first.memoryTotalBytes() / (1024 * 1024)));
        }
        computeLabels(first.computeCapability(), labels);
        versionLabels(driver, labels);
        labels.put("nvidia.com/mig.capable", Boolean.toString(gpus.stream().anyMatch(g -> g.migMode() != null)));
        labels.put("nvidia.com/mps.capable", "false");
    }

    private static void computeLabels(String capability, Map<String, String> labels) {
        String[] parts = capability == null ? new String[0] : capability.split("\\.");
        if (parts.length != 2 || !isNumber(parts[0]) || !isNumber(parts[1]) || parts[0].equals("0")) {
            return;
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        labels.put("nvidia.com/gpu.family", family(major, minor));
        labels.put("nvidia.com/gpu.compute.major", Integer.toString(major));
        labels.put("nvidia.com/gpu.compute.minor", Integer.toString(minor));
    }

    /** GFD's {@code getArchFamily}. */
    static String family(int major, int minor) {
        return switch (major) {
            case 1 -> "tesla";
            case 2 -> "fermi";
            case 3 -> "kepler";
            case 5 -> "maxwell";
            case 6 -> "pascal";
            case 7 -> minor < 5 ? "volta" : "turing";
            case 8 -> "ampere";
            case 9 -> "hopper";
            default -> "undefined";
        };
    }

    private static void versionLabels(NvidiaDriver driver, Map<String, String> labels) {
        String version = driver.driverVersion();
        String[] d = version == null ? new String[0] : version.split("\\.");
        if (d.length >= 2 && d.length <= 3) {
            String rev = d.length > 2 ? d[2] : "";
            labels.put("nvidia.com/cuda.driver.major", d[0]);
            labels.put("nvidia.com/cuda.driver.minor", d[1]);
            labels.put("nvidia.com/cuda.driver.rev", rev);
            labels.put("nvidia.com/cuda.driver-version.major", d[0]);
            labels.put("nvidia.com/cuda.driver-version.minor", d[1]);
            labels.put("nvidia.com/cuda.driver-version.revision", rev);
            labels.put("nvidia.com/cuda.driver-version.full", version);
        }
        String cuda = driver.cudaDriverVersion();
        String[] c = cuda == null ? new String[0] : cuda.split("\\.");
        if (c.length == 2 && isNumber(c[0]) && isNumber(c[1])) {
            String major = Integer.toString(Integer.parseInt(c[0]));
            String minor = Integer.toString(Integer.parseInt(c[1]));
            labels.put("nvidia.com/cuda.runtime.major", major);
            labels.put("nvidia.com/cuda.runtime.minor", minor);
            labels.put("nvidia.com/cuda.runtime-version.major", major);
            labels.put("nvidia.com/cuda.runtime-version.minor", minor);
            labels.put("nvidia.com/cuda.runtime-version.full", major + "." + minor);
        }
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** GFD's output: one {@code key=value} line a label (sorted). */
    public static String gfd(Map<String, String> labels) {
        StringBuilder out = new StringBuilder();
        labels.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    /**
     * An NFD {@code features.d} file: the {@code # +expiry-time=} directive (RFC 3339, seconds), then the labels.
     *
     * @throws IllegalStateException when the file would exceed {@link #MAX_FEATURE_FILE_BYTES} (NFD ignores it)
     */
    public static String nfdFeatures(Map<String, String> labels, Instant expiry) {
        String text = "# +expiry-time=" + DateTimeFormatter.ISO_INSTANT.format(expiry.truncatedTo(ChronoUnit.SECONDS))
                + "\n" + gfd(labels);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FEATURE_FILE_BYTES) {
            throw new IllegalStateException("the features file would have " + text.length() + " bytes; NFD reads at"
                    + " most " + MAX_FEATURE_FILE_BYTES);
        }
        return text;
    }
}
