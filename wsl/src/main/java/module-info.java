/**
 * gpuenv-wsl: a typed Java API over {@code wsl.exe} ({@link io.github.gpuenv.wsl.Wsl}), the WSL 2 + Docker + NVIDIA
 * toolkit set-up plan ({@code io.github.gpuenv.wsl.setup}), and the {@code wslHost} fact of {@code GpuEnv.detect()}.
 */
module io.github.gpuenv.wsl {
    requires transitive io.github.gpuenv;
    requires org.slf4j;

    exports io.github.gpuenv.wsl;
    exports io.github.gpuenv.wsl.setup;

    provides io.github.gpuenv.spi.WslHostFactProvider with io.github.gpuenv.wsl.internal.WslExeHostFactProvider;
}
