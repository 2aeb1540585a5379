/**
 * Launching containers with GPUs: {@link io.github.gpuenv.docker.DockerGpu} (connect, run, start detached, pull,
 * sweep leftovers), {@link io.github.gpuenv.docker.RunOptions}, {@link io.github.gpuenv.docker.GpuRequest}
 * ({@code docker run --gpus} semantics), the workload value types in Docker CLI syntax
 * ({@link io.github.gpuenv.docker.Mount}, {@link io.github.gpuenv.docker.PortBinding},
 * {@link io.github.gpuenv.docker.Ulimit}, {@link io.github.gpuenv.docker.IpcMode},
 * {@link io.github.gpuenv.docker.ExtraHost}, {@link io.github.gpuenv.docker.ByteSize}), detached containers
 * ({@link io.github.gpuenv.docker.GpuContainer}, {@link io.github.gpuenv.docker.WaitCondition}) and the typed
 * exceptions under {@link io.github.gpuenv.docker.DockerGpuException}.
 */
package io.github.gpuenv.docker;
