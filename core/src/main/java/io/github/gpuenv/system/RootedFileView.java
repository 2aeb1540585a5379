package io.github.gpuenv.system;

import java.nio.file.Path;
import java.util.Objects;

/** {@link FileView} over a root directory: {@code /} on a live machine, a fixture tree in tests. */
final class RootedFileView implements FileView {

    private final Path root;

    RootedFileView(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String machinePath) {
        String relative = machinePath.replace('\\', '/');
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path resolved = root.resolve(relative).normalize();
        // a machine path never escapes the root ("/../../etc" stays inside)
        return resolved.startsWith(root) ? resolved : root;
    }

    @Override
    public String toString() {
        return "FileView[" + root + "]";
    }
}
