package io.github.gpuenv;

import java.util.List;

/**
 * The base of every exception gpuenv's actions throw (detection never throws for anything about the machine).
 * The message says what happened and what to do; {@link #attempted()} says what was being done.
 *
 * <p>{@code try { ... } catch (GpuEnvException e) { log.error("{} failed: {}", e.attempted(), e.getMessage()); }}
 */
public class GpuEnvException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String attempted;
    private final String remedy;

    /**
     * @param attempted what gpuenv was doing, e.g. {@code "start container 3f2a… (nvidia/cuda:12.4.1-base)"}
     * @param message what happened
     * @param remedy what to do about it (a command or a link), or empty
     * @param cause the underlying failure, or null
     */
    public GpuEnvException(String attempted, String message, String remedy, Throwable cause) {
        super(compose(message, remedy), cause);
        this.attempted = attempted == null ? "" : attempted;
        this.remedy = remedy == null ? "" : remedy;
    }

    public GpuEnvException(String attempted, String message, String remedy) {
        this(attempted, message, remedy, null);
    }

    /** What gpuenv was doing when this happened. */
    public String attempted() {
        return attempted;
    }

    /** What to do about it: a command or a link; empty when there is nothing to suggest. */
    public String remedy() {
        return remedy;
    }

    private static String compose(String message, String remedy) {
        return remedy == null || remedy.isBlank() ? message : message + " → " + remedy;
    }

    /** Joins argv for messages, quoting elements with spaces. */
    protected static String argvText(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'') ? '"' + a.replace("\"", "\\\"") + '"' : a);
        }
        return out.toString();
    }
}
