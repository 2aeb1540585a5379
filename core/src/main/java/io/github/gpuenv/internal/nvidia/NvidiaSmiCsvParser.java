package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.GpuDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code nvidia-smi --query-gpu=<FIELDS> --format=csv,noheader,nounits}: one line per GPU, fields separated
 * by {@code ", "}, e.g. {@code 0, NVIDIA H200, GPU-1b12…, 00000000:00:06.0, 580.159.04, 143771, 9.0, Disabled}.
 * Columns are read by position in the order of {@link #FIELDS}; the last two ({@code compute_cap},
 * {@code mig.mode.current}) may be missing (older drivers are queried with {@link #LEGACY_FIELDS}). A value in
 * brackets ({@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]}) is null. Quoted fields are unquoted; when
 * an unquoted row has more columns than expected, the extra ones are taken to be commas inside the GPU name (the only
 * free-text field). {@code memory.total} is MiB and becomes bytes.
 *
 * <p>{@code NvidiaSmiCsvParser.parse(stdout).map(NvidiaSmiGpus::gpus)}
 */
final class NvidiaSmiCsvParser {

    /** The fields gpuenv queries, in column order. */
    static final List<String> FIELDS = List.of("index", "name", "uuid", "pci.bus_id", "driver_version",
            "memory.total", "compute_cap", "mig.mode.current");
    /** The fields every nvidia-smi since driver 3xx knows (compute_cap came with 510, mig.mode.current with 450). */
    static final List<String> LEGACY_FIELDS = FIELDS.subList(0, 6);

    private static final long MIB = 1024L * 1024L;
    private static final Pattern MEMORY_MIB = Pattern.compile("(\\d{1,12})(?:\\s*MiB)?");
    private static final Pattern COMPUTE_CAP = Pattern.compile("(\\d{1,3})[.,](\\d{1,3})");

    private NvidiaSmiCsvParser() {
    }

    /**
     * The GPUs, or empty when the text is not this format: blank, binary, a row without a numeric index or with too
     * few columns, or cut off (output that does not end with a line break was truncated).
     */
    static Optional<NvidiaSmiGpus> parse(String text) {
        if (text == null || text.isBlank() || !(text.endsWith("\n") || text.endsWith("\r"))) {
            return Optional.empty();
        }
        List<GpuDevice> gpus = new ArrayList<>();
        String driver = null;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> columns = split(line);
            Optional<Row> row = row(columns);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            gpus.add(row.get().gpu());
            if (driver == null) {
                driver = row.get().driverVersion();
            }
        }
        return gpus.isEmpty() ? Optional.empty() : Optional.of(new NvidiaSmiGpus(driver, gpus));
    }

    private record Row(GpuDevice gpu, String driverVersion) {
    }

    private static Optional<Row> row(List<String> columns) {
        if (columns.size() < LEGACY_FIELDS.size()) {
            return Optional.empty();
        }
        List<String> c = mergeExtraIntoName(columns);
        Integer index = integer(c.get(0));
        if (index == null || index < 0) {
            return Optional.empty();
        }
        String name = value(c.get(1));
        Long memory = memoryBytes(value(c.get(5)));
        String computeCap = c.size() > 6 ? computeCapability(value(c.get(6))) : null;
        String mig = c.size() > 7 ? value(c.get(7)) : null;
        GpuDevice gpu = new GpuDevice(index, name, value(c.get(2)), value(c.get(3)), memory, computeCap, mig);
        return Optional.of(new Row(gpu, value(c.get(4))));
    }

    private static List<String> mergeExtraIntoName(List<String> columns) {
        int extra = columns.size() - FIELDS.size();
        if (extra <= 0) {
            return columns;
        }
        List<String> merged = new ArrayList<>();
        merged.add(columns.get(0));
        merged.add(String.join(", ", columns.subList(1, 2 + extra)));
        merged.addAll(columns.subList(2 + extra, columns.size()));
        return merged;
    }

    /** Splits on commas outside double quotes; strips each field; {@code ""} inside quotes is one quote. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** The field, or null for {@code [N/A]}-style placeholders, {@code N/A} and empty fields. */
    private static String value(String field) {
        String v = field.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("N/A") || (v.startsWith("[") && v.endsWith("]"))) {
            return null;
        }
        return v;
    }

    private static Integer integer(String field) {
        try {
            return Integer.valueOf(field.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long memoryBytes(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = MEMORY_MIB.matcher(field);
        return m.matches() ? Long.parseLong(m.group(1)) * MIB : null;
    }

    private static String computeCapability(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = COMPUTE_CAP.matcher(field);
        return m.matches() ? m.group(1) + "." + m.group(2) : null;
    }
}
