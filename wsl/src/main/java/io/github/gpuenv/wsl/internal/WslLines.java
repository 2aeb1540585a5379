package io.github.gpuenv.wsl.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code wsl.exe} text into lines ({@code \r\n}, {@code \n} or a lone {@code \r}); bounded. */
final class WslLines {

    /** More lines than any real {@code wsl.exe} output; the rest of a huge input is ignored. */
    static final int MAX_LINES = 10_000;

    private WslLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n && lines.size() < MAX_LINES; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n && lines.size() < MAX_LINES) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
