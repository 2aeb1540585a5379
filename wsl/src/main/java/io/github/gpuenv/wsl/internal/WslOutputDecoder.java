package io.github.gpuenv.wsl.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes what {@code wsl.exe} printed. Even with {@code WSL_UTF8=1} some versions and code paths print UTF-16LE
 * (with or without a byte-order mark), so the encoding is decided from the bytes: a BOM wins; NUL bytes mean UTF-16
 * (little-endian when they sit at odd offsets, as ASCII text in UTF-16LE does); otherwise UTF-8. Decoding UTF-16
 * as UTF-8 leaves a NUL between every letter, and a list parsed from that looks like "no distributions" — which is
 * why this never guesses UTF-8 when NULs are present. Pure; never throws.
 *
 * <p>{@code String text = WslOutputDecoder.decode(result.stdout());}
 */
public final class WslOutputDecoder {

    private WslOutputDecoder() {
    }

    /** The encoding {@link #decode(byte[])} chose. */
    public enum Encoding { UTF8, UTF8_BOM, UTF16LE, UTF16LE_BOM, UTF16BE, UTF16BE_BOM }

    /** The text, with any BOM and stray NUL characters removed. */
    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        Encoding encoding = detect(bytes);
        String text = switch (encoding) {
            case UTF8 -> utf8(bytes, 0);
            case UTF8_BOM -> utf8(bytes, 3);
            case UTF16LE -> utf16(bytes, 0, StandardCharsets.UTF_16LE);
            case UTF16LE_BOM -> utf16(bytes, 2, StandardCharsets.UTF_16LE);
            case UTF16BE -> utf16(bytes, 0, StandardCharsets.UTF_16BE);
            case UTF16BE_BOM -> utf16(bytes, 2, StandardCharsets.UTF_16BE);
        };
        return text.replace("\uFEFF", "").replace("\u0000", "");
    }

    /** Which encoding the bytes are in, by BOM, then by where NUL bytes sit. */
    public static Encoding detect(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return Encoding.UTF8_BOM;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return Encoding.UTF16LE_BOM;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return Encoding.UTF16BE_BOM;
        }
        int oddNuls = 0;
        int evenNuls = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 1) {
                    oddNuls++;
                } else {
                    evenNuls++;
                }
            }
        }
        if (oddNuls == 0 && evenNuls == 0) {
            return Encoding.UTF8;
        }
        return oddNuls >= evenNuls ? Encoding.UTF16LE : Encoding.UTF16BE;
    }

    private static String utf8(byte[] bytes, int offset) {
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }

    private static String utf16(byte[] bytes, int offset, Charset charset) {
        int length = (bytes.length - offset) & ~1; // a trailing odd byte is a truncated character: drop it
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, charset);
        }
    }
}
