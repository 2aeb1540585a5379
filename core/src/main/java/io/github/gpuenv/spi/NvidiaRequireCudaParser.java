package io.github.gpuenv.spi;

import io.github.gpuenv.internal.AsciiCase;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code NVIDIA_REQUIRE_CUDA} as libnvidia-container reads it: alternatives separated by spaces (any one
 * suffices), each a comma-separated list of constraints (all must hold), each {@code key op value} with key
 * {@code cuda}, {@code driver}, {@code arch} or {@code brand} and op one of {@code = == != < <= > >=}.
 *
 * <p>{@code CudaRequirement r = NvidiaRequireCudaParser.parse("cuda>=12.4 brand=tesla,driver>=470,driver<471");}
 *
 * <p>Never throws. A constraint it cannot read (unknown key, no operator, empty value) is dropped; an alternative
 * left with no constraints is dropped; so junk yields a requirement with no alternatives, which {@link #parse}
 * callers treat as "nothing required". The raw value is always kept.
 */
public final class NvidiaRequireCudaParser {

    /** Longest first, so {@code <=} is not read as {@code <}. */
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "=", "<", ">");
    private static final Set<String> KEYS = Set.of("cuda", "driver", "arch", "brand");
    private static final int MAX_LENGTH = 64 * 1024;

    private NvidiaRequireCudaParser() {
    }

    /** The requirement; {@code null} or blank input gives one with no alternatives. */
    public static CudaRequirement parse(String value) {
        String raw = value == null ? "" : value;
        String text = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        List<List<Constraint>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\s+")) {
            List<Constraint> constraints = new ArrayList<>();
            for (String expression : alternative.split(",")) {
                Constraint c = constraint(expression.strip());
                if (c != null) {
                    constraints.add(c);
                }
            }
            if (!constraints.isEmpty()) {
                alternatives.add(constraints);
            }
        }
        return new CudaRequirement(raw, alternatives);
    }

    private static Constraint constraint(String expression) {
        int at = -1;
        for (int i = 0; i < expression.length() && at < 0; i++) {
            if ("!<=>".indexOf(expression.charAt(i)) >= 0) {
                at = i;
            }
        }
        if (at <= 0) {
            return null;
        }
        String key = AsciiCase.lower(expression.substring(0, at).strip());
        String rest = expression.substring(at);
        for (String op : OPERATORS) {
            if (rest.startsWith(op)) {
                String v = rest.substring(op.length()).strip();
                if (!KEYS.contains(key) || v.isEmpty() || "!<=>".indexOf(v.charAt(0)) >= 0) {
                    return null;
                }
                return new Constraint(key, op, v);
            }
        }
        return null;
    }
}
