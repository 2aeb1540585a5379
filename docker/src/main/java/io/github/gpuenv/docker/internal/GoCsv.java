package io.github.gpuenv.docker.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first record of a CSV line the way Go's {@code encoding/csv} does with its defaults (comma separator,
 * fields optionally in double quotes, {@code ""} for a quote inside them, no lazy quotes), which the Docker CLI uses
 * for {@code --gpus}. Pure; errors are {@link IllegalArgumentException}s with Go's wording.
 *
 * <p>{@code GoCsv.readRecord("\"device=0,2\",capabilities=compute")  // [device=0,2, capabilities=compute]}
 */
public final class GoCsv {

    private GoCsv() {
    }

    /** The fields of the first line of {@code text}. */
    public static List<String> readRecord(String text) {
        String line = firstLine(text);
        if (line == null) {
            throw new IllegalArgumentException("EOF");
        }
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                int start = i;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("parse error on line 1, column " + (n + 1)
                                + ": extraneous or missing \" in quoted-field");
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else if (i + 1 >= n || line.charAt(i + 1) == ',') {
                            i++;
                            break;
                        } else {
                            throw new IllegalArgumentException("parse error on line 1, column " + (i + 2)
                                    + ": extraneous or missing \" in quoted-field (field starting at column "
                                    + (start + 1) + ")");
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new IllegalArgumentException("parse error on line 1, column " + (i + 1)
                                + ": bare \" in non-quoted-field");
                    }
                    field.append(line.charAt(i));
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** The first line that is not empty (Go skips empty lines), without its line ending; null when none. */
    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n", -1)) {
            String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!stripped.isEmpty()) {
                return stripped;
            }
        }
        return null;
    }
}
