package io.github.gpuenv.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The seam through which gpuenv reads every file: absolute machine paths ({@code "/proc/driver/nvidia/version"})
 * resolved under a root directory, so a captured machine is a test fixture. Reads are bounded and never throw
 * for anything about the machine: a missing or unreadable file is an empty {@link Optional}.
 *
 * <p>Under a fixture root (any root but a filesystem root such as {@code /}: a capture's {@code root/}, a test's
 * tree) symbolic links are resolved inside the root, never on the host: an absolute link {@code /x -> /etc/passwd}
 * in root {@code R} reads {@code R/etc/passwd}, {@code ..} never climbs above {@code R}, a chain of more than 40
 * links reads as missing, and only regular files are read (a FIFO cannot hang a probe). On the live machine the
 * operating system resolves links, as it does for every other program.
 *
 * <p>{@code FileView files = FileView.rooted(Path.of("/")); files.readString("/etc/os-release");}
 */
public interface FileView {

    /** Default limit on the bytes read from one file: 1 MiB. */
    int DEFAULT_MAX_BYTES = 1024 * 1024;

    /**
     * The host path of the entry at a machine path, for callers that must hand it to the OS: under a fixture root
     * its parent directories' links are resolved inside the root, the entry itself is not followed (so a link can
     * be told from its target); a path whose links cannot be resolved is left as written.
     */
    Path resolve(String machinePath);

    /** The root directory machine paths are resolved under ({@code /} on a live machine). */
    Path root();

    /** Whether this view reads the live machine (rooted at a filesystem root, {@code /} or {@code C:\}). */
    default boolean isLiveMachine() {
        return root().getParent() == null;
    }

    /**
     * The host path of the file behind a machine path with every link followed (inside the root under a fixture
     * root); empty when it is missing, a dangling link or a loop.
     */
    default Optional<Path> realPath(String machinePath) {
        try {
            return Optional.of(resolve(machinePath).toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Up to {@code maxBytes} of the file, or empty when it is missing, not a regular file or unreadable. */
    default Optional<byte[]> read(String machinePath, int maxBytes) {
        Path path = resolve(machinePath);
        try (InputStream in = Files.newInputStream(path)) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The file's first {@link #DEFAULT_MAX_BYTES} bytes decoded as UTF-8, or empty. */
    default Optional<String> readString(String machinePath) {
        return read(machinePath, DEFAULT_MAX_BYTES).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether anything (file, directory, device node; a dangling link counts) exists at the path. */
    default boolean exists(String machinePath) {
        Path path = resolve(machinePath);
        try {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        } catch (SecurityException e) {
            return false;
        }
    }

    /** Whether the path is a directory. */
    default boolean isDirectory(String machinePath) {
        try {
            return Files.isDirectory(resolve(machinePath));
        } catch (SecurityException e) {
            return false;
        }
    }

    /** The names in a directory, sorted; empty when it is missing or unreadable. At most 10,000 entries. */
    default List<String> list(String machinePath) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resolve(machinePath))) {
            entries.limit(10_000).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /** A view whose machine path {@code /x/y} is {@code root/x/y}. */
    static FileView rooted(Path root) {
        return new RootedFileView(root);
    }
}
