package io.github.gpuenv.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run would send to the engine, and what preflight said about it — {@link DockerGpu#plan(RunOptions)}'s
 * answer, made by the same code that prepares every {@link DockerGpu#run run} (a run is its plan, created). Nothing
 * is created to make it. The typed parts are read from the create request itself; {@link #createRequest()} is that
 * request's body ({@code POST /containers/create}) byte for byte as docker-java sends it.
 *
 * <pre>{@code
 * LaunchPlan plan = docker.plan(RunOptions.builder("nvidia/cuda:12.4.1-base-ubuntu22.04").gpus(GpuRequest.all()).build());
 * System.out.print(plan.toText());
 * if (plan.refused()) System.err.println(plan.refusal().getMessage());
 * }</pre>
 *
 * <p>JSON ({@link #toJson()}, {@code gpuenv run --dry-run --json}): the components by name, {@code checks} as
 * {@code {id, status, message, remedy}}, {@code refusal} as {@code {type, message, remedy}} or null, and
 * {@code createRequest} as the request's JSON object; {@code schemaVersion} 1.
 *
 * @param endpoint the engine, without credentials
 * @param image the image as the run names it
 * @param imagePlatform {@code os/architecture} of the image; empty when the engine does not have it yet
 * @param entrypoint the entrypoint set by the run; empty: the image's
 * @param command the command set by the run; empty: the image's
 * @param attach how GPUs are attached; null when none are requested
 * @param attachReason why that strategy; empty when none are requested
 * @param deviceRequests the create request's {@code HostConfig.DeviceRequests}
 * @param cdiDevices the CDI device names among them ({@code Driver: "cdi"})
 * @param runtime {@code HostConfig.Runtime}; empty: the engine's default
 * @param mounts bind mounts, mounts and tmpfs of the request
 * @param devices device nodes of the request ({@code HostConfig.Devices})
 * @param environment the request's {@code Env} (over the image's)
 * @param labels the request's labels, gpuenv's included
 * @param network {@code HostConfig.NetworkMode}
 * @param user {@code User}; empty: the image's
 * @param preflight whether preflight ran ({@link RunOptions#preflight()})
 * @param checks preflight's checks (one {@code preflight.off} check when it is off)
 * @param refusal what a run of this plan throws before creating anything; null when it would go on
 * @param createRequest the request's JSON body
 */
public record LaunchPlan(String endpoint, String image, String imagePlatform, List<String> entrypoint,
                         List<String> command, Attach attach, String attachReason, List<DeviceRequest> deviceRequests,
                         List<String> cdiDevices, String runtime, List<Mount> mounts, List<Device> devices,
                         Map<String, String> environment, Map<String, String> labels, String network, String user,
                         boolean preflight, List<Check> checks, DockerGpuException refusal, String createRequest) {

    /** The {@link #toJson()} schema version. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A plan; {@link DockerGpu#plan(RunOptions)} makes them. Null text components read as empty. */
    public LaunchPlan {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(image, "image");
        imagePlatform = Objects.requireNonNullElse(imagePlatform, "");
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        attachReason = Objects.requireNonNullElse(attachReason, "");
        deviceRequests = List.copyOf(deviceRequests);
        cdiDevices = List.copyOf(cdiDevices);
        runtime = Objects.requireNonNullElse(runtime, "");
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        network = Objects.requireNonNullElse(network, "");
        user = Objects.requireNonNullElse(user, "");
        checks = List.copyOf(checks);
        Objects.requireNonNull(createRequest, "createRequest");
    }

    /**
     * One device request, as the engine receives it.
     *
     * @param driver {@code Driver}: empty (the engine picks by capabilities), {@code nvidia}, or {@code cdi}
     * @param count {@code Count}: −1 for all, N, or 0 when devices are named
     * @param deviceIds {@code DeviceIDs}: indices, UUIDs, or CDI names
     * @param capabilities {@code Capabilities}: an OR of ANDs, e.g. {@code [["gpu"]]}
     * @param options {@code Options}
     */
    public record DeviceRequest(String driver, int count, List<String> deviceIds, List<List<String>> capabilities,
                                Map<String, String> options) {
        /** A device request; a null driver reads as empty. */
        public DeviceRequest {
            driver = Objects.requireNonNullElse(driver, "");
            deviceIds = List.copyOf(deviceIds);
            capabilities = capabilities.stream().map(List::copyOf).toList();
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /**
     * One mount.
     *
     * @param type {@code bind}, {@code volume}, {@code tmpfs}, …
     * @param source the host path or volume name; empty for tmpfs
     * @param target the path in the container
     * @param readOnly whether read-only
     */
    public record Mount(String type, String source, String target, boolean readOnly) {
        /** A mount; null paths read as empty. */
        public Mount {
            Objects.requireNonNull(type, "type");
            source = Objects.requireNonNullElse(source, "");
            target = Objects.requireNonNullElse(target, "");
        }
    }

    /**
     * One device node.
     *
     * @param hostPath on the engine's host
     * @param containerPath in the container
     * @param permissions cgroup permissions, e.g. {@code rwm}
     */
    public record Device(String hostPath, String containerPath, String permissions) {
        /** A device node; null parts read as empty. */
        public Device {
            hostPath = Objects.requireNonNullElse(hostPath, "");
            containerPath = Objects.requireNonNullElse(containerPath, "");
            permissions = Objects.requireNonNullElse(permissions, "");
        }
    }

    /** Whether preflight refused (a run would throw {@link #refusal()} and create nothing). */
    public boolean refused() {
        return refusal != null;
    }

    /** The plan as readable text, one field per line (what {@code gpuenv run --dry-run} prints). */
    public String toText() {
        StringBuilder out = new StringBuilder();
        line(out, "engine", endpoint);
        line(out, "image", image + (imagePlatform.isEmpty() ? " (not on the engine yet: a run pulls it)"
                : " (" + imagePlatform + ")"));
        line(out, "entrypoint", entrypoint.isEmpty() ? "the image's" : argv(entrypoint));
        line(out, "command", command.isEmpty() ? "the image's" : argv(command));
        line(out, "gpus", attach == null ? "none" : "attach " + attach.name().toLowerCase(java.util.Locale.ROOT)
                + " (" + attachReason + ")");
        if (deviceRequests.isEmpty()) {
            line(out, "device requests", "none");
        }
        for (DeviceRequest r : deviceRequests) {
            line(out, "device request", "driver=" + (r.driver().isEmpty() ? "\"\"" : r.driver()) + " count="
                    + r.count() + " device-ids=" + r.deviceIds() + " capabilities=" + r.capabilities()
                    + " options=" + r.options());
        }
        line(out, "cdi devices", cdiDevices.isEmpty() ? "none" : String.join(" ", cdiDevices));
        line(out, "runtime", runtime.isEmpty() ? "the engine's default" : runtime);
        if (mounts.isEmpty()) {
            line(out, "mounts", "none");
        }
        for (Mount m : mounts) {
            line(out, "mount", m.type() + " " + (m.source().isEmpty() ? "" : m.source() + " → ") + m.target()
                    + (m.readOnly() ? " (read-only)" : ""));
        }
        if (devices.isEmpty()) {
            line(out, "devices", "none");
        }
        for (Device d : devices) {
            line(out, "device", d.hostPath() + " → " + d.containerPath() + " (" + d.permissions() + ")");
        }
        line(out, "network", network);
        line(out, "user", user.isEmpty() ? "the image's" : user);
        if (environment.isEmpty()) {
            line(out, "env", "none set by the run (the image's apply)");
        }
        environment.forEach((k, v) -> line(out, "env", k + "=" + v));
        labels.forEach((k, v) -> line(out, "label", k + "=" + v));
        out.append("preflight\n");
        for (Check c : checks) {
            out.append(String.format("  %-8s %-24s %s%n", c.status().id(), c.id(), c.message()));
            if (!c.remedy().isBlank() && c.status() != CheckStatus.PASS) {
                out.append(String.format("  %-8s %-24s → %s%n", "", "", c.remedy()));
            }
        }
        line(out, "verdict", refusal == null ? "a run would create this container"
                : "refused (" + refusal.getClass().getSimpleName() + "): nothing would be created");
        return out.toString();
    }

    /** The plan as JSON (see the class comment). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("endpoint", endpoint);
        root.put("image", image);
        root.put("imagePlatform", imagePlatform);
        strings(root.putArray("entrypoint"), entrypoint);
        strings(root.putArray("command"), command);
        if (attach == null) {
            root.putNull("attach");
        } else {
            root.put("attach", attach.name().toLowerCase(java.util.Locale.ROOT));
        }
        root.put("attachReason", attachReason);
        ArrayNode requests = root.putArray("deviceRequests");
        for (DeviceRequest r : deviceRequests) {
            ObjectNode n = requests.addObject();
            n.put("driver", r.driver());
            n.put("count", r.count());
            strings(n.putArray("deviceIds"), r.deviceIds());
            ArrayNode caps = n.putArray("capabilities");
            r.capabilities().forEach(set -> strings(caps.addArray(), set));
            ObjectNode options = n.putObject("options");
            r.options().forEach(options::put);
        }
        strings(root.putArray("cdiDevices"), cdiDevices);
        root.put("runtime", runtime);
        ArrayNode mountNodes = root.putArray("mounts");
        for (Mount m : mounts) {
            mountNodes.addObject().put("type", m.type()).put("source", m.source()).put("target", m.target())
                    .put("readOnly", m.readOnly());
        }
        ArrayNode deviceNodes = root.putArray("devices");
        for (Device d : devices) {
            deviceNodes.addObject().put("hostPath", d.hostPath()).put("containerPath", d.containerPath())
                    .put("permissions", d.permissions());
        }
        ObjectNode env = root.putObject("environment");
        environment.forEach(env::put);
        ObjectNode labelNode = root.putObject("labels");
        labels.forEach(labelNode::put);
        root.put("network", network);
        root.put("user", user);
        root.put("preflight", preflight);
        ArrayNode checkNodes = root.putArray("checks");
        for (Check c : checks) {
            checkNodes.addObject().put("id", c.id()).put("status", c.status().id()).put("message", c.message())
                    .put("remedy", c.remedy());
        }
        if (refusal == null) {
            root.putNull("refusal");
        } else {
            root.putObject("refusal").put("type", refusal.getClass().getSimpleName())
                    .put("message", withoutRemedy(refusal)).put("remedy", refusal.remedy());
        }
        try {
            JsonNode request = JSON.readTree(createRequest);
            root.set("createRequest", request);
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the create request is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String withoutRemedy(DockerGpuException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String suffix = " → " + e.remedy();
        return !e.remedy().isBlank() && message.endsWith(suffix)
                ? message.substring(0, message.length() - suffix.length()) : message;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-16s %s%n", name, value));
    }

    private static String argv(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean plain = !a.isEmpty() && a.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0);
            out.append(plain ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
