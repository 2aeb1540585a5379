package io.github.gpuenv.internal.host;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Hostile inputs every parser test feeds its parser: nothing may throw, nothing may be invented. */
final class ParserRobustness {

    private ParserRobustness() {
    }

    /** 1 MiB of seeded random bytes, decoded as UTF-8 (malformed sequences replaced). */
    static String megabyteOfGarbage() {
        byte[] bytes = new byte[1024 * 1024];
        new Random(42).nextBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code text} encoded as UTF-16LE with a BOM, then read back as UTF-8, as a mis-decoding caller would. */
    static String utf16ReadAsUtf8(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        return new String(withBom, StandardCharsets.UTF_8);
    }
}
