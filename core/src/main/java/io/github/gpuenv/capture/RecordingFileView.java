package io.github.gpuenv.capture;

import io.github.gpuenv.system.FileView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FileView} that copies what it reads under a capture directory's {@code root/}, byte-exact, so the
 * capture can serve as a fixture root: files read are copied, directories listed are created, and paths that
 * merely exist (device nodes such as {@code /dev/dxg}) become empty files.
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
        bytes.ifPresent(b -> write(machinePath, b));
        return bytes;
    }

    @Override
    public boolean exists(String machinePath) {
        boolean exists = delegate.exists(machinePath);
        if (exists && !delegate.isDirectory(machinePath)) {
            Path target = target(machinePath);
            if (!Files.exists(target)) {
                write(machinePath, new byte[0]);
            }
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
        }
        return names;
    }

    private Path target(String machinePath) {
        String relative = machinePath.replace('\\', '/').replace(':', '_');
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
