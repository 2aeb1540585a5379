/**
 * Runnable examples of the API (the README's examples, compiled).
 */
package io.github.gpuenv.examples;
