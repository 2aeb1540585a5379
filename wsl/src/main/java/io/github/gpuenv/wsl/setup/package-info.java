/**
 * The resumable WSL 2 + Docker + NVIDIA Container Toolkit set-up plan ({@link
 * io.github.gpuenv.wsl.setup.WslGpuDockerSetup}).
 */
package io.github.gpuenv.wsl.setup;
