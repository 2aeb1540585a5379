package io.github.gpuenv.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Objects;

/**
 * The engine's host as preflight needs it, from the engine's {@code GET /info}: its endpoint, OS, CPU architecture
 * (as GOARCH names it), kernel release and total memory.
 *
 * <p>{@code PreflightEngineHost host = PreflightEngineHost.parse(endpoint, false, body);}
 *
 * @param endpoint the endpoint, e.g. {@code unix:///var/run/docker.sock}
 * @param dockerDesktop whether it is Docker Desktop
 * @param os {@code OSType}, e.g. {@code linux}; empty when not given
 * @param architecture {@code Architecture} in GOARCH terms ({@code x86_64} → {@code amd64}, {@code aarch64} →
 *     {@code arm64}); empty when not given
 * @param kernel {@code KernelVersion}; empty when not given
 * @param memTotalBytes {@code MemTotal}; 0 when not given
 */
record PreflightEngineHost(String endpoint, boolean dockerDesktop, String os, String architecture, String kernel,
                           long memTotalBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    PreflightEngineHost {
        Objects.requireNonNull(endpoint, "endpoint");
        os = Objects.requireNonNullElse(os, "");
        architecture = Objects.requireNonNullElse(architecture, "");
        kernel = Objects.requireNonNullElse(kernel, "");
    }

    /** From a raw {@code /info} body; fields that cannot be read are empty. Never throws. */
    static PreflightEngineHost parse(String endpoint, boolean dockerDesktop, byte[] info) {
        JsonNode n;
        try {
            n = JSON.readTree(info == null ? new byte[0] : info);
        } catch (java.io.IOException | RuntimeException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            return new PreflightEngineHost(endpoint, dockerDesktop, "", "", "", 0);
        }
        JsonNode mem = n.get("MemTotal");
        return new PreflightEngineHost(endpoint, dockerDesktop, text(n, "OSType"), goArch(text(n, "Architecture")),
                text(n, "KernelVersion"), mem != null && mem.canConvertToLong() && mem.isIntegralNumber()
                ? mem.asLong() : 0);
    }

    /**
     * An architecture in GOARCH terms, as images name theirs: the engine's {@code uname -m} ({@code x86_64},
     * {@code aarch64}, {@code armv7l}, {@code i686}) mapped, any other lower-cased as it is.
     */
    static String goArch(String arch) {
        String a = arch == null ? "" : arch.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "x86-64", "x64", "amd64" -> "amd64";
            case "aarch64", "arm64", "armv8", "armv8l" -> "arm64";
            case "armv7l", "armv7", "armv6l", "armv6", "armhf", "armel", "arm" -> "arm";
            case "i386", "i486", "i586", "i686", "x86", "386" -> "386";
            case "ppc64le", "ppc64el" -> "ppc64le";
            default -> a;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }
}
