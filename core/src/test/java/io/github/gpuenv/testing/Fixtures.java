package io.github.gpuenv.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures under {@code src/test/resources/fixtures} (each folder has a README with its provenance). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The path of a fixture directory or file, e.g. {@code "h200-linux/root"} (fixtures of this module only). */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a fixture file. */
    public static byte[] bytes(String relative) {
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture file as UTF-8 text. */
    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Copies a fixture directory to {@code to}, from the test classes or from the core test-jar (other modules'
     * tests), so a test can change it or hand it over as a root.
     */
    public static Path copyTo(String relative, Path to) throws IOException {
        String resource = "/fixtures/" + relative;
        URL url = Fixtures.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        java.net.URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!uri.getScheme().equals("jar")) {
            return copyTree(Path.of(uri), to);
        }
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
            return copyTree(jar.getPath(resource), to);
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }
}
