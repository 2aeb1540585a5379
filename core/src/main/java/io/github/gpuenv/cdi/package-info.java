/**
 * GPUs without the NVIDIA Container Toolkit: {@link io.github.gpuenv.cdi.GpuInjection} reads the host's driver
 * files and produces CDI specs and {@link io.github.gpuenv.cdi.InjectionPlan injection plans} (device nodes, read-
 * only mounts, environment). Files only, no commands.
 */
package io.github.gpuenv.cdi;
