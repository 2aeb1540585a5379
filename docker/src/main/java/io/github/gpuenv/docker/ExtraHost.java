package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.IpLiteral;
import io.github.gpuenv.docker.internal.SpecText;
import java.util.Objects;

/**
 * An entry of the container's {@code /etc/hosts}, as the Docker CLI's {@code --add-host host:ip} (or
 * {@code host=ip}; an IPv6 address may be written in brackets, {@code host=[::1]}). The address is an IP literal or
 * {@link #HOST_GATEWAY} ({@code host-gateway}: the engine's gateway address, how a container reaches a server on
 * the engine's host). Nothing is looked up.
 *
 * <p>{@code ExtraHost.parse("registry.local:10.0.0.5")}, {@code ExtraHost.of("host.docker.internal", ExtraHost.HOST_GATEWAY)}
 *
 * @param hostname the name
 * @param address an IP literal (as written, without brackets) or {@code host-gateway}
 */
public record ExtraHost(String hostname, String address) {

    /** The special address the engine replaces with its gateway's. */
    public static final String HOST_GATEWAY = "host-gateway";

    /** @throws IllegalArgumentException for an empty name, a name with {@code :}, or an address that is no IP */
    public ExtraHost {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(address, "address");
        if (hostname.isEmpty() || hostname.contains(":") || hostname.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("bad format for add-host: " + SpecText.quote(hostname + ":" + address)
                    + " (host:ip or host=ip, e.g. registry.local:10.0.0.5)");
        }
        if (!address.equals(HOST_GATEWAY) && !IpLiteral.isValid(address)) {
            throw new IllegalArgumentException("invalid IP address in add-host: " + SpecText.quote(address)
                    + " (an IPv4 or IPv6 address, or host-gateway)");
        }
    }

    /** {@code hostname} at {@code address}. */
    public static ExtraHost of(String hostname, String address) {
        return new ExtraHost(hostname, address);
    }

    /**
     * Reads {@code --add-host} syntax: {@code host:ip}, {@code host=ip}, {@code host=[ipv6]}.
     *
     * @throws IllegalArgumentException with the Docker CLI's message, e.g. {@code bad format for add-host: ':1.2.3.4'}
     */
    public static ExtraHost parse(String text) {
        Objects.requireNonNull(text, "text");
        int sep = text.indexOf('=');
        if (sep < 0) {
            sep = text.indexOf(':');
        }
        if (sep <= 0) {
            throw new IllegalArgumentException("bad format for add-host: " + SpecText.quote(text)
                    + " (host:ip or host=ip, e.g. registry.local:10.0.0.5)");
        }
        String address = text.substring(sep + 1);
        if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
            address = address.substring(1, address.length() - 1);
        }
        return new ExtraHost(text.substring(0, sep), address);
    }

    /** The form the engine's API takes, {@code host:ip}. */
    @Override
    public String toString() {
        return hostname + ":" + address;
    }
}
