package io.github.gpuenv.system;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The seam through which gpuenv reads environment variables and system properties, so tests and embedders can
 * supply their own.
 *
 * <p>{@code Environment env = Environment.of(Map.of("WSL_DISTRO_NAME", "Ubuntu"), new Properties());}
 *
 * @param variables environment variables
 * @param properties system properties (copied)
 */
public record Environment(Map<String, String> variables, Map<String, String> properties) {

    public Environment {
        variables = Map.copyOf(variables);
        properties = Map.copyOf(properties);
    }

    /** The current process's environment and system properties. */
    public static Environment system() {
        return of(System.getenv(), System.getProperties());
    }

    /** An environment from a variable map and a properties object. */
    public static Environment of(Map<String, String> variables, Properties properties) {
        java.util.HashMap<String, String> props = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            props.put(name, properties.getProperty(name));
        }
        return new Environment(variables, props);
    }

    /** An environment variable, empty when unset. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** A system property, empty when unset. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** A copy with one variable set (or replaced). */
    public Environment withVariable(String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(variables);
        copy.put(name, value);
        return new Environment(copy, properties);
    }

    /** A copy with one system property set (or replaced): e.g. a command-line option over the ambient value. */
    public Environment withProperty(String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(properties);
        copy.put(name, value);
        return new Environment(variables, copy);
    }
}
