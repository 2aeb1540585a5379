package io.github.gpuenv.capture;

import io.github.gpuenv.internal.container.DockerdProcesses;
import io.github.gpuenv.system.FileView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FileView} that copies what it reads under a capture directory's {@code root/}, byte-exact, so the
 * capture can serve as a fixture root: files read are copied, directories listed are created with their entries
 * (as empty directories and files, so a listing replays), and paths that merely exist (device nodes such as
 * {@code /dev/dxg}) become empty files. Other processes' {@code /proc/<pid>/comm} are copied only where a probe
 * needs them ({@link DockerdProcesses#recordable}).
 */
final class RecordingFileView implements FileView {

    private final FileView delegate;
    private final Path captureRoot;
    private final List<String> problems;

    RecordingFileView(FileView delegate, Path captureRoot, List<String> problems) {
        this.delegate = delegate;
        this.captureRoot = captureRoot;
        this.problems = problems;
    }

    @Override
    public Path resolve(String machinePath) {
        return delegate.resolve(machinePath);
    }

    @Override
    public Path root() {
        return delegate.root();
    }

    @Override
    public Optional<byte[]> read(String machinePath, int maxBytes) {
        Optional<byte[]> bytes = delegate.read(machinePath, maxBytes);
        bytes.filter(b -> DockerdProcesses.recordable(machinePath, b)).ifPresent(b -> write(machinePath, b));
        return bytes;
    }

    @Override
    public boolean exists(String machinePath) {
        boolean exists = delegate.exists(machinePath);
        if (exists && !delegate.isDirectory(machinePath)) {
            emptyIfAbsent(machinePath);
        }
        return exists;
    }

    @Override
    public boolean isDirectory(String machinePath) {
        boolean directory = delegate.isDirectory(machinePath);
        if (directory) {
            mkdirs(target(machinePath));
        }
        return directory;
    }

    @Override
    public List<String> list(String machinePath) {
        List<String> names = delegate.list(machinePath);
        if (delegate.isDirectory(machinePath)) {
            mkdirs(target(machinePath));
            String dir = machinePath.endsWith("/") ? machinePath : machinePath + "/";
            for (String name : names) {
                placeholder(dir + name);
            }
        }
        return names;
    }

    @Override
    public Optional<Path> realPath(String machinePath) {
        return delegate.realPath(machinePath);
    }

    /** An entry seen in a listing: an empty directory or file, unless the capture already has it. */
    private void placeholder(String machinePath) {
        if (delegate.isDirectory(machinePath)) {
            mkdirs(target(machinePath));
        } else {
            emptyIfAbsent(machinePath);
        }
    }

    /** An empty file standing for something that exists, unless the capture already has it (read, perhaps). */
    private synchronized void emptyIfAbsent(String machinePath) {
        if (!Files.exists(target(machinePath), LinkOption.NOFOLLOW_LINKS)) {
            write(machinePath, new byte[0]);
        }
    }

    /**
     * Where a machine path is copied: the same path under the capture's {@code root/} (a PCI bus id's {@code :}
     * kept, so the capture replays; only a Windows file system, which cannot hold it, gets {@code _}).
     */
    private Path target(String machinePath) {
        String relative = machinePath.replace('\\', '/');
        if (java.io.File.separatorChar == '\\') {
            relative = relative.replace(':', '_');
        }
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path target = captureRoot.resolve(relative).normalize();
        return target.startsWith(captureRoot) ? target : captureRoot.resolve("_escaped");
    }

    private synchronized void write(String machinePath, byte[] bytes) {
        Path target = target(machinePath);
        try {
            if (Files.isDirectory(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException | RuntimeException e) {
            problems.add("could not copy " + machinePath + ": " + e.getMessage());
        }
    }

    private synchronized void mkdirs(Path dir) {
        try {
            if (!Files.isRegularFile(dir)) {
                Files.createDirectories(dir);
            }
        } catch (IOException | RuntimeException e) {
            problems.add("could not create " + dir + ": " + e.getMessage());
        }
    }
}
