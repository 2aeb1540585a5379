/**
 * Machine captures for bug reports: {@link io.github.gpuenv.capture.MachineCapture} records every file, command
 * output and live answer the probes used, by allow-list for variables, and replays a capture as a fixture root
 * (nothing of the capture is ever executed).
 */
package io.github.gpuenv.capture;
