/**
 * Not API. The engine connection and raw API, the container runner with its bounds, GPU attachment (toolkit, CDI,
 * injection), daemon error mapping, sessions, leases and the leftover rule, and the {@code docker} fact's probe.
 */
package io.github.gpuenv.docker.internal;
