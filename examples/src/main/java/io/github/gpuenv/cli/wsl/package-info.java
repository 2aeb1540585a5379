/**
 * The {@code gpuenv wsl …} subcommands.
 */
package io.github.gpuenv.cli.wsl;
