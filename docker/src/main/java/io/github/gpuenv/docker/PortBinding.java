package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.IpLiteral;
import io.github.gpuenv.docker.internal.SpecText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A container port published on the engine's host, as one mapping of the Docker CLI's
 * {@code -p [ip:][hostPort:]containerPort[/proto]} ({@code go-connections} {@code nat.ParsePortSpec}): without a host
 * port the engine picks a free one (read it back with {@link GpuContainer#hostPort(int)}); a host port range with
 * one container port lets the engine pick within the range; without an address every interface is bound;
 * the protocol is {@code tcp} unless given. A range of container ports ({@code 8000-8002:9000-9002}) is several
 * bindings: {@link #parseAll(String)}.
 *
 * <p>{@code PortBinding.parse("127.0.0.1:8000:8000/tcp")}, {@code PortBinding.tcp(8080)} (random host port),
 * {@code PortBinding.of(8000, 80).onHostIp("127.0.0.1")}
 *
 * <p>Publishing needs a network: gpuenv's default network {@code none} (and {@code host}) publishes nothing, so
 * {@link RunOptions.Builder#build()} refuses ports without {@code network("bridge")} or another network.
 *
 * @param hostIp the host address to bind; empty: every interface
 * @param hostPort the host port; {@code 0}: the engine picks one
 * @param hostPortEnd the end of a host port range the engine picks from; equal to {@code hostPort} for one port,
 *        {@code 0} when {@code hostPort} is
 * @param containerPort the container's port, 1–65535
 * @param protocol the protocol
 */
public record PortBinding(String hostIp, int hostPort, int hostPortEnd, int containerPort, Protocol protocol) {

    /** A transport protocol of a published port. */
    public enum Protocol {
        /** TCP (the default). */
        TCP,
        /** UDP. */
        UDP,
        /** SCTP. */
        SCTP;

        /** The lower-case name the engine's API uses. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException for ports outside their range, a bad range, or an address that is no IP */
    public PortBinding {
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(protocol, "protocol");
        if (!hostIp.isEmpty() && !IpLiteral.isValid(hostIp)) {
            throw new IllegalArgumentException("invalid IP address: " + SpecText.quote(hostIp));
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("invalid containerPort: " + containerPort + " (1-65535)");
        }
        if (hostPort < 0 || hostPort > 65535 || hostPortEnd < hostPort || hostPortEnd > 65535
                || (hostPort == 0 && hostPortEnd != 0)) {
            throw new IllegalArgumentException("invalid hostPort: " + hostPort
                    + (hostPortEnd != hostPort ? "-" + hostPortEnd : "") + " (0-65535; 0: the engine picks one)");
        }
    }

    /** {@code -p containerPort}: TCP, every interface, a host port the engine picks. */
    public static PortBinding tcp(int containerPort) {
        return new PortBinding("", 0, 0, containerPort, Protocol.TCP);
    }

    /** {@code -p hostPort:containerPort}: TCP, every interface. */
    public static PortBinding of(int hostPort, int containerPort) {
        return new PortBinding("", hostPort, hostPort, containerPort, Protocol.TCP);
    }

    /** This binding on one host address, e.g. {@code 127.0.0.1} (reachable from the engine's host only). */
    public PortBinding onHostIp(String ip) {
        return new PortBinding(ip, hostPort, hostPortEnd, containerPort, protocol);
    }

    /** This binding for {@code protocol}. */
    public PortBinding withProtocol(Protocol protocol) {
        return new PortBinding(hostIp, hostPort, hostPortEnd, containerPort, protocol);
    }

    /** Whether the engine picks the host port (none given, or a range). */
    public boolean randomHostPort() {
        return hostPort == 0 || hostPortEnd != hostPort;
    }

    /**
     * Reads one {@code -p} mapping.
     *
     * @throws IllegalArgumentException with the Docker CLI's message, e.g. {@code invalid proto: 'foo'}; also for a
     *         range of container ports, which is several bindings ({@link #parseAll(String)})
     */
    public static PortBinding parse(String text) {
        List<PortBinding> all = parseAll(text);
        if (all.size() != 1) {
            throw new IllegalArgumentException("a range of container ports is " + all.size() + " bindings: "
                    + SpecText.quote(text) + " (use PortBinding.parseAll)");
        }
        return all.get(0);
    }

    /**
     * Reads a {@code -p} value, which may map a range of container ports ({@code 8000-8002:9000-9002}: three
     * bindings, host and container ranges of one length) — the Docker CLI's semantics, ranges included.
     *
     * @throws IllegalArgumentException with the Docker CLI's message
     */
    public static List<PortBinding> parseAll(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", -1);
        int n = parts.length;
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2)) : "";
        String hostPart = n >= 2 ? parts[n - 2] : "";
        String containerPart = parts[n - 1];
        String protocolText = "tcp";
        int slash = containerPart.indexOf('/');
        if (slash >= 0) {
            String given = containerPart.substring(slash + 1);
            containerPart = containerPart.substring(0, slash);
            if (!given.isEmpty()) {
                protocolText = given;
            }
        }
        if (ip.length() > 2 && ip.charAt(0) == '[' && ip.charAt(ip.length() - 1) == ']') {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpLiteral.isValid(ip)) {
            throw new IllegalArgumentException("invalid IP address: " + SpecText.quote(ip) + " in " + SpecText.quote(text));
        }
        if (containerPart.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + SpecText.quote(text)
                    + " ([ip:][hostPort:]containerPort[/proto], e.g. 8080, 127.0.0.1:8000:8000/tcp)");
        }
        int[] container = range(containerPart, "containerPort", text);
        int[] host = hostPart.isEmpty() ? new int[] {0, 0} : range(hostPart, "hostPort", text);
        boolean containerRange = container[1] != container[0];
        if (!hostPart.isEmpty() && containerRange && host[1] - host[0] != container[1] - container[0]) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + SpecText.shown(containerPart) + " and " + SpecText.shown(hostPart));
        }
        Protocol protocol = protocol(protocolText);
        if (container[0] == 0) {
            throw new IllegalArgumentException("invalid containerPort: 0 in " + SpecText.quote(text) + " (1-65535)");
        }
        List<PortBinding> bindings = new ArrayList<>();
        for (int i = 0; i <= container[1] - container[0]; i++) {
            int hostStart = hostPart.isEmpty() ? 0 : containerRange ? host[0] + i : host[0];
            int hostEnd = hostPart.isEmpty() ? 0 : containerRange ? host[0] + i : host[1];
            bindings.add(new PortBinding(ip, hostStart, hostEnd, container[0] + i, protocol));
        }
        return List.copyOf(bindings);
    }

    private static int[] range(String text, String what, String spec) {
        int dash = text.indexOf('-');
        String start = dash < 0 ? text : text.substring(0, dash);
        String end = dash < 0 ? text : text.substring(dash + 1);
        int from = port(start);
        int to = port(end);
        if (from < 0 || to < 0 || to < from) {
            throw new IllegalArgumentException("invalid " + what + ": " + SpecText.quote(text) + " in "
                    + SpecText.quote(spec) + " (a port 0-65535 or a range like 8000-8010)");
        }
        return new int[] {from, to};
    }

    private static int port(String text) {
        if (!SpecText.digits(text) || text.length() > 5) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }

    private static Protocol protocol(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Protocol.TCP;
            case "udp" -> Protocol.UDP;
            case "sctp" -> Protocol.SCTP;
            default -> throw new IllegalArgumentException("invalid proto: " + SpecText.quote(text)
                    + " (tcp, udp or sctp)");
        };
    }

    /** {@code -p} syntax, e.g. {@code 127.0.0.1::8080/tcp}, {@code 8000:8000/tcp}, {@code [::1]:9000-9010:80/udp}. */
    @Override
    public String toString() {
        String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        String host = hostPort == 0 ? "" : hostPortEnd == hostPort ? Integer.toString(hostPort)
                : hostPort + "-" + hostPortEnd;
        String prefix = ip.isEmpty() ? (host.isEmpty() ? "" : host + ":") : ip + ":" + host + ":";
        return prefix + containerPort + "/" + protocol.value();
    }
}
