/**
 * Kubernetes node labels from a report: {@link io.github.gpuenv.labels.NodeLabels} gives the labels NVIDIA's GPU
 * Feature Discovery (GFD) writes, with its names and value formats, plus gpuenv's own readiness labels, as GFD's
 * {@code key=value} lines, an NFD {@code features.d} file, or a map.
 */
package io.github.gpuenv.labels;
