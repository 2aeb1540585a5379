/**
 * Not API. Jackson databind for captures and replays (the shared mapper, a report as a tree).
 */
package io.github.gpuenv.internal.json;
