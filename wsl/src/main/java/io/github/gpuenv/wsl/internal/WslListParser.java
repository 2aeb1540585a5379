package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.wsl.WslDistribution;
import io.github.gpuenv.report.WslState;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code wsl.exe --list --verbose}:
 * <pre>
 *   NAME                   STATE           VERSION
 * * Ubuntu-20.04           Stopped         2
 *   docker-desktop         Stopped         2
 * </pre>
 * Columns are cut at the positions where the header's three column titles start (whatever language they are in;
 * titles are separated by 2+ spaces, single spaces are accepted only when rows follow:
 * {@code wsl.exe} pads the name column to the longest name plus four, so names with spaces stay whole). {@code *}
 * in the first column marks the default. A row whose version cell is not a number falls back to "last token is
 * the version". Pure; never throws; text that has no three-column header, or that still contains NUL characters
 * (UTF-16 decoded as UTF-8), is {@linkplain Result#recognized() unrecognized} rather than "no distributions".
 *
 * <p>{@code WslListParser.Result r = WslListParser.parse(WslOutputDecoder.decode(bytes));}
 */
public final class WslListParser {

    private WslListParser() {
    }

    /**
     * @param recognized whether the text looked like a {@code --list --verbose} table
     * @param distributions the rows (empty for a header-only table)
     * @param detail why it was not recognized; empty otherwise
     */
    public record Result(boolean recognized, List<WslDistribution> distributions, String detail) {
        public Result {
            distributions = List.copyOf(distributions);
        }

        static Result unrecognized(String detail) {
            return new Result(false, List.of(), detail);
        }
    }

    /** Parses the decoded text. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.unrecognized("no output");
        }
        if (text.indexOf('\u0000') >= 0) {
            return Result.unrecognized("output contains NUL characters (UTF-16 decoded as UTF-8?)");
        }
        List<String> lines = WslLines.of(text).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return Result.unrecognized("no table in the first " + WslLines.MAX_LINES + " lines");
        }
        String header = lines.get(0);
        int[] wide = starts(header, 2);
        int[] columns = wide.length >= 3 ? wide : starts(header, 1);
        if (columns.length < 3 || (wide.length < 3 && lines.size() == 1)) {
            return Result.unrecognized("no NAME/STATE/VERSION header: " + abbreviate(header));
        }
        int nameStart = columns[0];
        int stateStart = columns[columns.length - 2];
        int versionStart = columns[columns.length - 1];
        List<WslDistribution> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            WslDistribution row = row(line, nameStart, stateStart, versionStart);
            if (row == null) {
                return new Result(false, rows, "unrecognized row: " + abbreviate(line));
            }
            rows.add(row);
        }
        return new Result(true, rows, "");
    }

    private static WslDistribution row(String line, int nameStart, int stateStart, int versionStart) {
        String trimmedStart = line.stripLeading();
        boolean isDefault = trimmedStart.startsWith("*");
        String body = isDefault ? line.replaceFirst("\\*", " ") : line;
        String name;
        String state;
        String version;
        if (body.length() > versionStart && body.substring(0, Math.min(nameStart, body.length())).isBlank()
                && isVersion(body.substring(versionStart).strip())) {
            name = body.substring(nameStart, stateStart).strip();
            state = body.substring(stateStart, versionStart).strip();
            version = body.substring(versionStart).strip();
        } else {
            // the cells do not line up with the header (a localized state wider than its column, a hand-edited
            // sample): take the last token as the version and the run of 2+ spaces before it as the state boundary
            String s = body.strip();
            int lastSpace = s.lastIndexOf(' ');
            if (lastSpace < 0) {
                return null;
            }
            version = s.substring(lastSpace + 1);
            String rest = s.substring(0, lastSpace).strip();
            int split = rest.lastIndexOf("  ");
            if (split < 0) {
                split = rest.lastIndexOf(' ');
            }
            if (split < 0) {
                return null;
            }
            name = rest.substring(0, split).strip();
            state = rest.substring(split).strip();
        }
        if (name.isEmpty() || !isVersion(version)) {
            return null;
        }
        return new WslDistribution(name, WslState.fromWord(state), state, Integer.parseInt(version), isDefault);
    }

    private static boolean isVersion(String s) {
        return s.length() == 1 && Character.isDigit(s.charAt(0));
    }

    /** Start offsets of the header's titles separated by at least {@code minGap} spaces ({@code wsl.exe} pads to 4+). */
    private static int[] starts(String header, int minGap) {
        List<Integer> out = new ArrayList<>();
        int spaces = minGap;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == '*') {
                spaces++;
            } else {
                if (spaces >= minGap) {
                    out.add(i);
                }
                spaces = 0;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
