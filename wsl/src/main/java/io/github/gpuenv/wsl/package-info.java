/**
 * A typed API over {@code wsl.exe}: {@link io.github.gpuenv.wsl.Wsl} and its records, options and exceptions.
 */
package io.github.gpuenv.wsl;
