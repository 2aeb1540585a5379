package io.github.gpuenv.cdi;

import io.github.gpuenv.system.FileView;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File questions the driver scan asks, answered through a {@link FileView} and never throwing: the real host file
 * behind a machine path (symlinks followed, so a mount or device node names what the kernel will bind), and the
 * names in a directory matching a glob (bounded, so a directory of a million files costs one pass and little memory).
 */
final class HostPaths {

    /** The most names {@link #matching} returns from one directory. */
    static final int MAX_MATCHES = 256;

    private final FileView files;

    HostPaths(FileView files) {
        this.files = files;
    }

    FileView files() {
        return files;
    }

    /** The real host path of a machine path with every symlink followed; empty when missing or dangling. */
    Optional<Path> real(String machinePath) {
        try {
            return Optional.of(files.resolve(machinePath).toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether the machine path, links followed, is a regular file. */
    boolean isFile(String machinePath) {
        return real(machinePath).map(Files::isRegularFile).orElse(false);
    }

    /** Whether the machine path itself (not followed) is a symbolic link. */
    boolean isLink(String machinePath) {
        try {
            return Files.isSymbolicLink(files.resolve(machinePath));
        } catch (SecurityException e) {
            return false;
        }
    }

    /** Whether anything exists at the machine path itself (a dangling link counts). */
    boolean exists(String machinePath) {
        try {
            return Files.exists(files.resolve(machinePath), LinkOption.NOFOLLOW_LINKS);
        } catch (SecurityException e) {
            return false;
        }
    }

    /** The names in {@code dir} matching {@code glob} (e.g. {@code "libcuda.so.*"}), sorted; at most {@link #MAX_MATCHES}. */
    List<String> matching(String dir, String glob) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(files.resolve(dir), glob)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
                if (names.size() >= MAX_MATCHES) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) { // DirectoryIteratorException, a bad glob, SecurityException
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /** {@code dir + "/" + name} as a machine path. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
