/**
 * GPUs for Testcontainers: {@link io.github.gpuenv.testcontainers.GpuContainers#gpus} gives any
 * {@code GenericContainer} GPUs the way the engine Testcontainers uses can serve them — the toolkit's device request,
 * CDI devices, or (opt-in) an injection plan — instead of Testcontainers' guess from an {@code nvidia} runtime name.
 */
package io.github.gpuenv.testcontainers;
