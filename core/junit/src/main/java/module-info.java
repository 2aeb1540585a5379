/**
 * gpuenv-junit: JUnit Jupiter conditions on what {@code GpuEnv.detect()} finds — {@code @EnabledIfGpu},
 * {@code @EnabledIfCudaContainers}, {@code @EnabledIfCuda}, {@code @EnabledIfGpuMemory} and their {@code Disabled}
 * twins. The detection runs once per test run.
 */
module io.github.gpuenv.junit {
    requires transitive io.github.gpuenv;
    requires transitive org.junit.jupiter.api;

    exports io.github.gpuenv.junit;
}
