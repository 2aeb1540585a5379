/**
 * JUnit Jupiter conditions on the machine's GPUs. Put {@link io.github.gpuenv.junit.EnabledIfGpu},
 * {@link io.github.gpuenv.junit.EnabledIfCudaContainers}, {@link io.github.gpuenv.junit.EnabledIfCuda},
 * {@link io.github.gpuenv.junit.EnabledIfGpuMemory} or a {@code Disabled} twin on a test class or method; the
 * detection ({@code GpuEnv.detect()}) runs once per test run, and a disabled test says why with the failing check's
 * message and remedy.
 */
package io.github.gpuenv.junit;
