package io.github.gpuenv.docker.internal;

import java.util.Optional;

/**
 * Chooses the API version gpuenv speaks with an engine: the server's own version, capped at the newest one gpuenv
 * is built against ({@link #MAX_SUPPORTED}), and never below the server's minimum. Negotiating this way keeps
 * Engine 29 (minimum 1.44) from rejecting docker-java's old default ("client version 1.32 is too old").
 *
 * <p>{@code ApiVersions.negotiate("1.45", "1.24")  // Optional["1.45"]}
 */
public final class ApiVersions {

    /** The newest API version gpuenv's requests are written for. */
    public static final String MAX_SUPPORTED = "1.47";

    private ApiVersions() {
    }

    /**
     * The version to use, or empty when the server's range does not meet gpuenv's (server newer than
     * {@link #MAX_SUPPORTED} only by minimum) or the server's versions cannot be read.
     */
    public static Optional<String> negotiate(String serverApiVersion, String serverMinApiVersion) {
        Optional<int[]> server = parse(serverApiVersion);
        if (server.isEmpty()) {
            return Optional.empty();
        }
        int[] chosen = compare(server.get(), parse(MAX_SUPPORTED).orElseThrow()) > 0
                ? parse(MAX_SUPPORTED).orElseThrow() : server.get();
        Optional<int[]> min = parse(serverMinApiVersion);
        if (min.isPresent() && compare(chosen, min.get()) < 0) {
            return Optional.empty();
        }
        return Optional.of(chosen[0] + "." + chosen[1]);
    }

    /** Compares two {@code major.minor} versions; unparsable text sorts lowest. */
    public static int compare(String a, String b) {
        return compare(parse(a).orElse(new int[] {-1, -1}), parse(b).orElse(new int[] {-1, -1}));
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    private static Optional<int[]> parse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        String[] parts = version.strip().split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
