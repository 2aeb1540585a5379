/**
 * Not API. The probe runner: facts concurrently on daemon threads, the probes of one fact in order, each under its
 * timeout, all under the deadline; every attempt recorded.
 */
package io.github.gpuenv.internal.probe;
