/**
 * What fact providers implement and see: {@link io.github.gpuenv.spi.Probe}, {@link
 * io.github.gpuenv.spi.ProbeContext}, {@link io.github.gpuenv.spi.DetectSettings}, the {@code ServiceLoader}
 * interfaces {@link io.github.gpuenv.spi.DockerFactProvider} and {@link io.github.gpuenv.spi.WslHostFactProvider}
 * (implemented by gpuenv-docker and gpuenv-wsl), the one rule for "is this WSL" ({@link
 * io.github.gpuenv.spi.WslDetection}), and the one parser and evaluator of {@code NVIDIA_REQUIRE_CUDA} constraints ({@link
 * io.github.gpuenv.spi.NvidiaRequireCudaParser}, {@link io.github.gpuenv.spi.CudaRequirementEvaluator}).
 */
package io.github.gpuenv.spi;
