/**
 * Launching containers with GPUs: {@link io.github.gpuenv.docker.DockerGpu} (connect, run, pull, sweep leftovers),
 * {@link io.github.gpuenv.docker.RunOptions}, {@link io.github.gpuenv.docker.GpuRequest} ({@code docker run --gpus}
 * semantics) and the typed exceptions under {@link io.github.gpuenv.docker.DockerGpuException}.
 */
package io.github.gpuenv.docker;
