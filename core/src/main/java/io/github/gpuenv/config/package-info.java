/**
 * Configuration: {@link io.github.gpuenv.config.ConfigKey} lists every {@code gpuenv.*} system property and {@code
 * GPUENV_*} variable, {@link io.github.gpuenv.config.ConfigWarning} is what a value that could not be taken as
 * given becomes, and {@link io.github.gpuenv.config.DurationText} is the duration syntax of every setting ({@code
 * 3s}, {@code 500ms}, {@code PT3S}).
 */
package io.github.gpuenv.config;
