package io.github.gpuenv.docker.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KEY=VALUE} lists (an image's {@code Config.Env}, a create request's {@code Env}) as ordered maps, a later
 * entry over an earlier one as the engine merges them; an entry without {@code =} is a key with an empty value.
 *
 * <p>{@code Map<String, String> env = EnvPairs.parse(new String[] {"PATH=/bin", "A=1"});}
 */
public final class EnvPairs {

    private EnvPairs() {
    }

    /** The pairs of {@code entries}; {@code null} and null entries are nothing. */
    public static Map<String, String> parse(String[] entries) {
        return entries == null ? new LinkedHashMap<>() : parse(List.of(nonNull(entries)));
    }

    /** The pairs of {@code entries}. */
    public static Map<String, String> parse(List<String> entries) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : entries) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!key.isEmpty()) {
                env.remove(key);
                env.put(key, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return env;
    }

    private static String[] nonNull(String[] entries) {
        return java.util.Arrays.stream(entries).filter(java.util.Objects::nonNull).toArray(String[]::new);
    }
}
