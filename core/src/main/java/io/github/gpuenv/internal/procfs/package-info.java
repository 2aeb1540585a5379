/**
 * Not API. Parsers of the NVIDIA driver's {@code /proc} files, shared by detection and CDI.
 */
package io.github.gpuenv.internal.procfs;
