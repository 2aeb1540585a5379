/**
 * gpuenv-core: can this machine run CUDA containers, and if not, which layer is broken and the exact fix.
 * {@code GpuEnv.detect()} is the entry point ({@link io.github.gpuenv.GpuEnv}); the report model is in
 * {@code io.github.gpuenv.report}; configuration keys in {@code io.github.gpuenv.config}; the three seams (commands,
 * files, environment) in {@code io.github.gpuenv.system}; what fact providers implement in
 * {@code io.github.gpuenv.spi}; CDI specs and injection plans in {@code io.github.gpuenv.cdi}; machine captures in
 * {@code io.github.gpuenv.capture}. Everything under {@code internal} is not exported.
 */
module io.github.gpuenv {
    requires com.github.oshi;
    requires com.sun.jna;
    requires com.sun.jna.platform;
    /* @JsonValue marks the JSON form of the report's enums. */
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.gpuenv;
    exports io.github.gpuenv.capture;
    exports io.github.gpuenv.cdi;
    exports io.github.gpuenv.config;
    exports io.github.gpuenv.labels;
    exports io.github.gpuenv.report;
    exports io.github.gpuenv.spi;
    exports io.github.gpuenv.system;
    /* Small text and version utilities the sibling modules share; not API. */
    exports io.github.gpuenv.internal to io.github.gpuenv.docker, io.github.gpuenv.wsl, io.github.gpuenv.junit;

    /* JNA reads and writes the fields of NVML's structures. */
    opens io.github.gpuenv.internal.nvidia to com.sun.jna;
    /* Captures write their command index with databind. */
    opens io.github.gpuenv.capture to com.fasterxml.jackson.databind;

    uses io.github.gpuenv.spi.DockerFactProvider;
    uses io.github.gpuenv.spi.WslHostFactProvider;
}
