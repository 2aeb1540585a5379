package io.github.gpuenv.docker.internal;

/**
 * Whether a text is an IP address literal as Go's {@code net.ParseIP} reads it (what the Docker CLI validates
 * {@code -p} host addresses and {@code --add-host} addresses with): dotted-quad IPv4 without leading zeros, or IPv6
 * (with {@code ::} and an optional IPv4 tail), no zone. Pure text: never a name lookup.
 *
 * <p>{@code IpLiteral.isValid("::1")}
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** Whether {@code text} is an IPv4 or IPv6 literal. */
    public static boolean isValid(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    /** Whether {@code text} is a dotted-quad IPv4 literal ({@code 127.0.0.1}; not {@code 01.2.3.4}, not {@code 1.2.3}). */
    public static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !SpecText.digits(part)
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is an IPv6 literal without brackets or zone ({@code ::1}, {@code ::ffff:1.2.3.4}). */
    public static boolean isIpv6(String text) {
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int groups = groups(head, gap < 0);
        int tailGroups = gap < 0 ? 0 : groups(tail, true);
        if (groups < 0 || tailGroups < 0) {
            return false;
        }
        int total = groups + tailGroups;
        return gap < 0 ? total == 8 : total <= 7;
    }

    /** The 16-bit groups of a colon-separated run (an IPv4 tail counts 2 where allowed); -1 when malformed. */
    private static int groups(String run, boolean ipv4TailAllowed) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && ipv4TailAllowed && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpLiteral::isHex)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
