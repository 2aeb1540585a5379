package io.github.gpuenv.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link FileView} over a root directory: {@code /} on a live machine (the operating system resolves links), a
 * fixture tree otherwise, where every symbolic link is resolved inside the root, component by component, as the
 * kernel would resolve it had the root been {@code /} (see {@link FileView}).
 */
final class RootedFileView implements FileView {

    /** The most links followed resolving one path (Linux's MAXSYMLINKS). */
    static final int MAX_LINKS = 40;

    private final Path root;
    private final boolean live;

    RootedFileView(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.live = this.root.getParent() == null;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String machinePath) {
        if (live) {
            return lexical(machinePath);
        }
        return inside(machinePath, false).orElseGet(() -> lexical(machinePath));
    }

    @Override
    public Optional<byte[]> read(String machinePath, int maxBytes) {
        if (live) {
            return FileView.super.read(machinePath, maxBytes);
        }
        Optional<Path> file = inside(machinePath, true).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String machinePath) {
        return live ? FileView.super.exists(machinePath)
                : inside(machinePath, false).filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).isPresent();
    }

    @Override
    public boolean isDirectory(String machinePath) {
        return live ? FileView.super.isDirectory(machinePath)
                : inside(machinePath, true).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).isPresent();
    }

    @Override
    public List<String> list(String machinePath) {
        if (live) {
            return FileView.super.list(machinePath);
        }
        Optional<Path> dir = inside(machinePath, true).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
        if (dir.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir.get())) {
            entries.limit(10_000).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    @Override
    public Optional<Path> realPath(String machinePath) {
        return live ? FileView.super.realPath(machinePath)
                : inside(machinePath, true).filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** {@code root/machinePath} with {@code ..} clamped at the root, links left to the operating system. */
    private Path lexical(String machinePath) {
        String relative = machinePath.replace('\\', '/');
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path resolved = root.resolve(relative).normalize();
        // a machine path never escapes the root ("/../../etc" stays inside)
        return resolved.startsWith(root) ? resolved : root;
    }

    /**
     * The host path under the root with every link among the path's components resolved inside the root (the last
     * one too when {@code followLast}); empty when more than {@link #MAX_LINKS} links are met or one cannot be read.
     */
    private Optional<Path> inside(String machinePath, boolean followLast) {
        Deque<String> pending = new ArrayDeque<>(components(machinePath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        try {
            while (!pending.isEmpty()) {
                String name = pending.removeFirst();
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (!resolved.isEmpty()) {
                        resolved.remove(resolved.size() - 1);
                    }
                    continue;
                }
                Path candidate = under(resolved).resolve(name);
                if ((followLast || !pending.isEmpty()) && Files.isSymbolicLink(candidate)) {
                    if (++links > MAX_LINKS) {
                        return Optional.empty();
                    }
                    String target = Files.readSymbolicLink(candidate).toString();
                    if (target.startsWith("/") || target.startsWith("\\")) {
                        resolved.clear();
                    }
                    List<String> parts = components(target);
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        pending.addFirst(parts.get(i));
                    }
                    continue;
                }
                resolved.add(name);
            }
            return Optional.of(under(resolved));
        } catch (IOException | RuntimeException e) { // an unreadable link, an invalid name
            return Optional.empty();
        }
    }

    private Path under(List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return "FileView[" + root + "]";
    }
}
