/**
 * Not API. Host facts: operating system, Windows build, WSL from inside a distribution; their parsers and checks.
 */
package io.github.gpuenv.internal.host;
