package io.github.gpuenv.cdi;

import java.util.stream.Stream;

/**
 * The lowest CDI spec version a spec's fields allow, by the rules of the CDI reference implementation
 * ({@code specs-go/version.go}): 0.3.0 is the baseline; a mount {@code type} needs 0.4.0; a device name that does
 * not start with a letter ({@code "0"}) or a device node {@code hostPath} needs 0.5.0; annotations or a dot in the
 * kind's class need 0.6.0 (0.7.0's IntelRdt and additionalGIDs are fields gpuenv does not model).
 */
final class CdiSpecVersion {

    private CdiSpecVersion() {
    }

    /** The lowest version {@code spec} may declare, e.g. {@code "0.5.0"}. */
    public static String minimumFor(CdiSpec spec) {
        if (requires060(spec)) {
            return "0.6.0";
        }
        if (requires050(spec)) {
            return "0.5.0";
        }
        if (requires040(spec)) {
            return "0.4.0";
        }
        return "0.3.0";
    }

    private static boolean requires060(CdiSpec spec) {
        if (!spec.annotations().isEmpty() || spec.devices().stream().anyMatch(d -> !d.annotations().isEmpty())) {
            return true;
        }
        int slash = spec.kind().indexOf('/');
        return slash > 0 && spec.kind().substring(slash + 1).contains(".");
    }

    private static boolean requires050(CdiSpec spec) {
        boolean digitName = spec.devices().stream()
                .anyMatch(d -> !d.name().isEmpty() && !isAsciiLetter(d.name().charAt(0)));
        return digitName || edits(spec).flatMap(e -> e.deviceNodes().stream())
                .anyMatch(n -> n.hostPath() != null && !n.hostPath().isEmpty());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean requires040(CdiSpec spec) {
        return edits(spec).flatMap(e -> e.mounts().stream()).anyMatch(m -> m.type() != null && !m.type().isEmpty());
    }

    private static Stream<CdiSpec.ContainerEdits> edits(CdiSpec spec) {
        return Stream.concat(spec.devices().stream().map(CdiSpec.Device::containerEdits), Stream.of(spec.containerEdits()));
    }
}
