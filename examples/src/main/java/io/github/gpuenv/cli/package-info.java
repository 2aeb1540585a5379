/**
 * The {@code gpuenv} command line (picocli): detect, doctor, capture, run, smoke, cdi, wsl, help.
 */
package io.github.gpuenv.cli;
