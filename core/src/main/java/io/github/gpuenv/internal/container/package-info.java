/**
 * Not API. The container environment and NVIDIA Container Toolkit facts (markers, cgroups, config files, CDI specs,
 * {@code NVIDIA_REQUIRE_CUDA}) and their checks.
 */
package io.github.gpuenv.internal.container;
