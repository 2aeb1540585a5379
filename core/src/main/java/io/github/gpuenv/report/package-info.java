/**
 * The report model: {@link io.github.gpuenv.report.GpuEnvReport}, its facts ({@link io.github.gpuenv.report.Fact}:
 * known with a value, or unknown with a {@link io.github.gpuenv.report.Reason}), the fact records ({@code
 * NvidiaDriver}, {@code GpuDevice}, {@code DockerEngine}, …) and the checks ({@link
 * io.github.gpuenv.report.Check}). Immutable records; their JSON form is {@link
 * io.github.gpuenv.report.GpuEnvReport#toJson()} (schema 1).
 */
package io.github.gpuenv.report;
