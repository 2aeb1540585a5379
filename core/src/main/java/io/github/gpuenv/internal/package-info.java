/**
 * Not API. Small utilities shared by the modules: version numbers, ASCII case, kernel release and {@code
 * /proc/version} parsing, overflow-safe nanosecond arithmetic.
 */
package io.github.gpuenv.internal;
