/**
 * Not API. The check interface ({@code ReadinessCheck}): a pure function from the facts and settings to one {@code
 * Check}.
 */
package io.github.gpuenv.internal.check;
