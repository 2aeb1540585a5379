package io.github.gpuenv.internal.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code ldconfig -p}: the dynamic linker cache, one library per line in the order the loader tries
 * them, e.g. {@code "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so.1"}, after a header such as
 * {@code "540 libs found in cache `/etc/ld.so.cache'"} (localized; never read).
 *
 * <p>{@code LdconfigParser.parse(result.stdoutText()).flatMap(c -> c.first("libcuda.so.1"))}
 *
 * <p>Pure; never throws. Empty when no line has the {@code name (flags) => path} shape (binary, empty, an error
 * message); a cache with no libraries at all is therefore also empty.
 */
public final class LdconfigParser {

    private static final int MAX_LINE = 4096;
    private static final String ARROW = " => ";

    private LdconfigParser() {
    }

    /**
     * One cache entry.
     *
     * @param soname e.g. {@code "libcuda.so.1"}
     * @param flags what is between the parentheses, e.g. {@code "libc6,x86-64"}
     * @param path e.g. {@code "/usr/lib/wsl/lib/libcuda.so.1"}
     */
    public record Entry(String soname, String flags, String path) {
    }

    /**
     * The cache, entries in loader order.
     *
     * @param entries every entry read
     */
    public record LdCache(List<Entry> entries) {
        public LdCache {
            entries = List.copyOf(entries);
        }

        /** The entries for {@code soname}, in loader order. */
        public List<Entry> entriesFor(String soname) {
            return entries.stream().filter(e -> e.soname().equals(soname)).toList();
        }

        /** The entry the loader picks for {@code soname}: the first. */
        public Optional<Entry> first(String soname) {
            return entries.stream().filter(e -> e.soname().equals(soname)).findFirst();
        }
    }

    /** The cache listed in {@code text}, or empty when nothing in it is a cache entry. */
    public static Optional<LdCache> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end - start <= MAX_LINE) {
                entry(text.substring(start, end)).ifPresent(entries::add);
            }
            start = end + 1;
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new LdCache(entries));
    }

    private static Optional<Entry> entry(String rawLine) {
        String line = rawLine.strip();
        int arrow = line.lastIndexOf(ARROW);
        if (arrow <= 0) {
            return Optional.empty();
        }
        String path = line.substring(arrow + ARROW.length()).strip();
        String left = line.substring(0, arrow).strip();
        int open = left.indexOf(" (");
        if (path.isEmpty() || !path.startsWith("/") || open <= 0 || !left.endsWith(")")) {
            return Optional.empty();
        }
        String soname = left.substring(0, open);
        if (soname.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Entry(soname, left.substring(open + 2, left.length() - 1), path));
    }
}
