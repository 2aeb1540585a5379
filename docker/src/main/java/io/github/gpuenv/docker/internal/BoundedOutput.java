package io.github.gpuenv.docker.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written to it, and whether more came. Thread-safe.
 *
 * <p>{@code BoundedOutput out = new BoundedOutput(1 << 20); out.write(bytes); String text = out.text();}
 */
public final class BoundedOutput {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    public BoundedOutput(int limit) {
        this.limit = limit;
    }

    /** Appends what still fits. */
    public synchronized void write(byte[] chunk) {
        int room = limit - bytes.size();
        if (chunk.length > room) {
            truncated = true;
        }
        bytes.write(chunk, 0, Math.max(0, Math.min(room, chunk.length)));
    }

    /** The kept bytes as UTF-8 (a character cut at the limit becomes U+FFFD). */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Whether bytes were dropped. */
    public synchronized boolean truncated() {
        return truncated;
    }
}
