package io.github.gpuenv.docker;

/** Which output stream of a container a chunk came from. */
public enum LogStream {
    /** The container's standard output. */
    STDOUT,
    /** The container's standard error. */
    STDERR
}
