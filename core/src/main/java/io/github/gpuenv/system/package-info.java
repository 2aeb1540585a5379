/**
 * The three seams through which detection touches the machine: {@link io.github.gpuenv.system.CommandRunner} (argv
 * only, bounded), {@link io.github.gpuenv.system.FileView} (rooted, symbolic links resolved inside the root) and
 * {@link io.github.gpuenv.system.Environment} (variables and properties). Tests and captures replace them.
 */
package io.github.gpuenv.system;
