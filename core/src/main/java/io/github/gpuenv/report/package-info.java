/**
 * The report model: {@link io.github.gpuenv.report.GpuEnvReport}, its facts ({@link io.github.gpuenv.report.Fact}:
 * known with a value, or unknown with a {@link io.github.gpuenv.report.Reason}), the fact records ({@code
 * NvidiaDriver}, {@code GpuDevice}, {@code DockerEngine}, …) and the checks ({@link
 * io.github.gpuenv.report.Check}). Immutable records; their JSON form is {@link
 * io.github.gpuenv.report.GpuEnvReport#toJson()} (schema 1).
 *
 * <p>Absent values, one convention: every value a record reports (a version, name, path, mode, id, problem or error)
 * is {@code null} when absent, a blank value from a source counting as absent; a list is empty when there is none;
 * only explanations ({@code detail}, {@code message}, {@code remedy}, {@code gpuPathDetail}) are text that is empty
 * when there is nothing to say. States that have an enum use it ({@link io.github.gpuenv.report.WslProblem},
 * {@link io.github.gpuenv.report.WslState}).
 */
package io.github.gpuenv.report;
