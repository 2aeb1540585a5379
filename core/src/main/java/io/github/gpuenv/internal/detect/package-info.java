/**
 * Not API. The assembly of a detection: every fact's ordered probe chain ({@code FactChains}, with the providers
 * found by {@code ServiceLoader}) and every check ({@code Checks}).
 */
package io.github.gpuenv.internal.detect;
