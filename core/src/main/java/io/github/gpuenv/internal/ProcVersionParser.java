package io.github.gpuenv.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel release from {@code /proc/version}: the word after {@code "Linux version "}, e.g.
 * {@code "4.19.128-microsoft-standard"} from
 * {@code "Linux version 4.19.128-microsoft-standard (oe-user@oe-host) (gcc version 8.2.0 (GCC)) #1 SMP …"}.
 *
 * <p>{@code ProcVersionParser.parse(text).orElse("")}
 *
 * <p>Pure; never throws. Empty when the text does not start with {@code "Linux version "} and a release.
 */
public final class ProcVersionParser {

    private static final Pattern RELEASE = Pattern.compile("\\A\\s{0,8}Linux version (\\S{1,256})");

    private ProcVersionParser() {
    }

    /** The kernel release, or empty. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = RELEASE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
