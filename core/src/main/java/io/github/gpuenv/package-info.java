/**
 * The entry point: {@link io.github.gpuenv.GpuEnv#detect()} answers whether this machine can run CUDA containers,
 * and {@link io.github.gpuenv.DetectOptions} configures it. The report it returns is in {@code
 * io.github.gpuenv.report}.
 */
package io.github.gpuenv;
