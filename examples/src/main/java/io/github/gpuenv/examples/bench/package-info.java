/**
 * Benchmarks: detection against {@code nvidia-smi}, launches against {@code docker run}.
 */
package io.github.gpuenv.examples.bench;
