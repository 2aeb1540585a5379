package io.github.gpuenv.capture;

import java.util.regex.Pattern;

/** Masks credentials in texts gpuenv writes out (captures, reports, messages). */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

    private Redaction() {
    }

    /** {@code tcp://user:secret@host:2376} → {@code tcp://***@host:2376}; other text unchanged. */
    public static String maskUserInfo(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("***@");
    }
}
