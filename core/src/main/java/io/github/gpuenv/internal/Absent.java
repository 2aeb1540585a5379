package io.github.gpuenv.internal;

/**
 * The one convention for absent values of gpuenv's public records (the report's, gpuenv-wsl's), applied in their
 * constructors: a value (a version, name,
 * path, mode, id, problem or error) that is {@code null} or blank is absent, and absent is {@code null}. Lists are
 * empty when there is none; only explanations ({@code detail}, {@code message}, {@code remedy},
 * {@code gpuPathDetail}) are text that is empty when there is nothing to say.
 */
public final class Absent {

    private Absent() {
    }

    /** {@code value}, or {@code null} when it is null or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
