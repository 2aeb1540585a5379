/**
 * Not API. {@code wsl.exe}'s argv, output decoding and parsers, error codes, locating {@code wsl.exe}, and the
 * {@code wslHost} fact's probe.
 */
package io.github.gpuenv.wsl.internal;
