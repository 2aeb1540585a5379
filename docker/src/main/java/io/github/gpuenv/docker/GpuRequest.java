package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.GoCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which GPUs a container gets, with exactly the Docker CLI's {@code --gpus} semantics ({@code docker/cli}
 * {@code opts/gpus.go}): {@code all} is count −1; a number is a count; {@code device=0,2} or UUIDs select devices
 * (quote the field when it has commas: {@code "device=0,2"}); {@code capabilities=…} always gets {@code gpu}
 * appended; {@code driver=}; {@code options=k=v,…}; count and device are mutually exclusive. Also CDI device names
 * ({@code nvidia.com/gpu=all}, {@code nvidia.com/gpu=0}, {@code nvidia.com/gpu=GPU-…}), which become a
 * {@code Driver: "cdi"} request. Immutable; {@code with…} methods return copies.
 *
 * <p>{@code GpuRequest.parse("\"device=0,2\",capabilities=compute,utility")}, {@code GpuRequest.all()},
 * {@code GpuRequest.devices("GPU-3f2a…").withCapabilities("compute", "utility")}, {@code GpuRequest.cdi("nvidia.com/gpu=all")}
 */
public final class GpuRequest {

    /** A CDI fully qualified device name: {@code vendor.com/class=name}. */
    private static final Pattern CDI_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*=\\S+");

    private final int count;
    private final List<String> deviceIds;
    private final List<List<String>> capabilities;
    private final String driver;
    private final Map<String, String> options;
    private final List<String> cdiDevices;

    private GpuRequest(int count, List<String> deviceIds, List<List<String>> capabilities, String driver,
                       Map<String, String> options, List<String> cdiDevices) {
        if (count != 0 && !deviceIds.isEmpty()) {
            throw new IllegalArgumentException("cannot set both Count and DeviceIDs on device request");
        }
        if (count < -1) {
            throw new IllegalArgumentException("count < -1: " + count);
        }
        this.count = count;
        this.deviceIds = List.copyOf(deviceIds);
        List<List<String>> caps = new ArrayList<>();
        capabilities.forEach(c -> caps.add(List.copyOf(c)));
        this.capabilities = List.copyOf(caps);
        this.driver = Objects.requireNonNull(driver, "driver");
        this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.cdiDevices = List.copyOf(cdiDevices);
    }

    /** {@code --gpus all}: every GPU (count −1). */
    public static GpuRequest all() {
        return new GpuRequest(-1, List.of(), List.of(List.of("gpu")), "", Map.of(), List.of());
    }

    /** {@code --gpus N}: N GPUs. */
    public static GpuRequest count(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count < 1: " + count);
        }
        return new GpuRequest(count, List.of(), List.of(List.of("gpu")), "", Map.of(), List.of());
    }

    /** {@code --gpus '"device=0,2"'}: devices by index or UUID. */
    public static GpuRequest devices(String... ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("no device ids");
        }
        return new GpuRequest(0, Arrays.asList(ids), List.of(List.of("gpu")), "", Map.of(), List.of());
    }

    /** CDI devices by fully qualified name, e.g. {@code nvidia.com/gpu=all}; a {@code Driver: "cdi"} request. */
    public static GpuRequest cdi(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("no CDI device names");
        }
        for (String name : names) {
            if (!CDI_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a CDI device name (vendor.com/class=name): " + name);
            }
        }
        return new GpuRequest(0, List.of(), List.of(), "cdi", Map.of(), Arrays.asList(names));
    }

    /**
     * Parses the CLI's {@code --gpus} value exactly as {@code docker run} does; a value made only of CDI names
     * ({@code nvidia.com/gpu=0,nvidia.com/gpu=1}) is a CDI request.
     *
     * @throws IllegalArgumentException with the Docker CLI's message, e.g. {@code gpu request key 'count' can be
     *         specified only once}
     */
    public static GpuRequest parse(String value) {
        Objects.requireNonNull(value, "value");
        List<String> fields = GoCsv.readRecord(value);
        if (!fields.isEmpty() && fields.stream().allMatch(f -> CDI_NAME.matcher(f).matches())) {
            return cdi(fields.toArray(String[]::new));
        }
        Set<String> seen = new HashSet<>();
        Integer count = null;
        List<String> deviceIds = null;
        List<List<String>> capabilities = null;
        String driver = "";
        Map<String, String> options = new LinkedHashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String val = eq < 0 ? "" : field.substring(eq + 1);
            if (!seen.add(key)) {
                throw new IllegalArgumentException("gpu request key '" + key + "' can be specified only once");
            }
            if (eq < 0) {
                seen.add("count");
                count = parseCount(key);
                continue;
            }
            switch (key) {
                case "driver" -> driver = val;
                case "count" -> count = parseCount(val);
                case "device" -> deviceIds = Arrays.asList(val.split(",", -1));
                case "capabilities" -> {
                    List<String> caps = new ArrayList<>(Arrays.asList(val.split(",", -1)));
                    caps.add("gpu");
                    capabilities = List.of(caps);
                }
                case "options" -> {
                    List<String> optionFields;
                    try {
                        optionFields = GoCsv.readRecord(val);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("failed to read gpu options: " + e.getMessage(), e);
                    }
                    for (String kv : optionFields) {
                        int i = kv.indexOf('=');
                        options.put(i < 0 ? kv : kv.substring(0, i), i < 0 ? "" : kv.substring(i + 1));
                    }
                }
                default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (!seen.contains("count") && deviceIds == null) {
            count = 1;
        }
        return new GpuRequest(count == null ? 0 : count, deviceIds == null ? List.of() : deviceIds,
                capabilities == null ? List.of(List.of("gpu")) : capabilities, driver, options, List.of());
    }

    private static int parseCount(String s) {
        if (s.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid count (" + s + "): value must be either \"all\" or an integer: "
                    + (s.isEmpty() || !s.matches("[+-]?\\d+") ? "invalid syntax" : "value out of range"), e);
        }
    }

    /** A copy with capabilities {@code caps} and then {@code gpu} (the CLI's {@code capabilities=}). */
    public GpuRequest withCapabilities(String... caps) {
        requireNotCdi("capabilities");
        List<String> all = new ArrayList<>(Arrays.asList(caps));
        all.removeIf("gpu"::equals);
        all.add("gpu");
        return new GpuRequest(count, deviceIds, List.of(all), driver, options, cdiDevices);
    }

    /** A copy with {@code driver} (the CLI's {@code driver=}, e.g. {@code nvidia}). */
    public GpuRequest withDriver(String driver) {
        requireNotCdi("driver");
        return new GpuRequest(count, deviceIds, capabilities, driver, options, cdiDevices);
    }

    /** A copy with one more driver option (the CLI's {@code options=k=v}). */
    public GpuRequest withOption(String key, String value) {
        requireNotCdi("options");
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new GpuRequest(count, deviceIds, capabilities, driver, copy, cdiDevices);
    }

    private void requireNotCdi(String what) {
        if (isCdi()) {
            throw new IllegalStateException("a CDI request has no " + what);
        }
    }

    /** −1 for all, N for a count, 0 when devices are selected by id (or for CDI). */
    public int count() {
        return count;
    }

    /** Device indices or UUIDs; empty unless selected by id. */
    public List<String> deviceIds() {
        return deviceIds;
    }

    /** Capability sets, Docker's OR of ANDs; the CLI always gives one set that includes {@code gpu}. */
    public List<List<String>> capabilities() {
        return capabilities;
    }

    /** The device driver name; empty: the engine picks the one that has the capabilities. */
    public String driver() {
        return driver;
    }

    /** Driver options. */
    public Map<String, String> options() {
        return options;
    }

    /** CDI device names; empty unless this is a CDI request. */
    public List<String> cdiDevices() {
        return cdiDevices;
    }

    /** Whether this is a CDI request ({@link #cdi(String...)}). */
    public boolean isCdi() {
        return !cdiDevices.isEmpty();
    }

    /**
     * The CDI names that select the same GPUs from NVIDIA's spec: {@code all} → {@code nvidia.com/gpu=all}; ids →
     * {@code nvidia.com/gpu=<id>}; a count N → indices {@code 0…N−1}.
     */
    public List<String> cdiNames() {
        if (isCdi()) {
            return cdiDevices;
        }
        return gpuIds().stream().map(id -> "nvidia.com/gpu=" + id).toList();
    }

    /**
     * The GPUs selected, as NVIDIA's tools name them: {@code ["all"]}, the ids, or indices {@code 0…N−1} for a count.
     * For a CDI request, the part after {@code =} of each {@code nvidia.com/gpu=} name.
     */
    public List<String> gpuIds() {
        if (isCdi()) {
            return cdiDevices.stream().filter(n -> n.startsWith("nvidia.com/gpu="))
                    .map(n -> n.substring("nvidia.com/gpu=".length())).toList();
        }
        if (count == -1) {
            return List.of("all");
        }
        if (!deviceIds.isEmpty()) {
            return deviceIds;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpuRequest r && count == r.count && deviceIds.equals(r.deviceIds)
                && capabilities.equals(r.capabilities) && driver.equals(r.driver) && options.equals(r.options)
                && cdiDevices.equals(r.cdiDevices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, deviceIds, capabilities, driver, options, cdiDevices);
    }

    /** The request in the CLI's syntax, e.g. {@code all}, {@code "device=0,2",capabilities=compute,gpu}. */
    @Override
    public String toString() {
        if (isCdi()) {
            return String.join(",", cdiDevices);
        }
        List<String> parts = new ArrayList<>();
        if (!deviceIds.isEmpty()) {
            parts.add(quote("device=" + String.join(",", deviceIds)));
        } else {
            parts.add(count == -1 ? "all" : Integer.toString(count));
        }
        if (!capabilities.equals(List.of(List.of("gpu"))) && !capabilities.isEmpty()) {
            List<String> caps = capabilities.get(0);
            // the CLI appends "gpu" when parsing: leave out the one it will add back
            boolean endsWithGpu = !caps.isEmpty() && caps.get(caps.size() - 1).equals("gpu");
            parts.add(quote("capabilities=" + String.join(",", endsWithGpu ? caps.subList(0, caps.size() - 1) : caps)));
        }
        if (!driver.isEmpty()) {
            parts.add("driver=" + driver);
        }
        if (!options.isEmpty()) {
            List<String> kv = new ArrayList<>();
            options.forEach((k, v) -> kv.add(k + "=" + v));
            parts.add(quote("options=" + String.join(",", kv)));
        }
        return String.join(",", parts);
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
