package io.github.gpuenv.docker.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the test classpath in a child JVM — with its own environment (DOCKER_HOST, DOCKER_CONFIG),
 * its own slf4j-simple settings, or as another user ({@code setpriv --reuid=65534}, the classpath then copied to a
 * world-readable directory, since {@code ~/.m2} is not).
 *
 * <p>{@code ChildJvm.Result r = ChildJvm.run(List.of(), "io.github.gpuenv.docker.testing.ProbeMain", List.of(), Map.of(), null, Duration.ofMinutes(2));}
 */
public final class ChildJvm {

    /** The child's exit code and output. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args}; {@code uid}, when not null, runs it as that user and group with no
     * supplementary groups. Fails when it does not end within {@code timeout}.
     */
    public static Result run(List<String> jvmArgs, String mainClass, List<String> args, Map<String, String> env,
                             Integer uid, Duration timeout) {
        try {
            String classpath = uid == null ? classpath() : worldReadableCopy(classpath());
            List<String> argv = new ArrayList<>();
            if (uid != null) {
                argv.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
            }
            argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            argv.addAll(jvmArgs);
            argv.addAll(List.of("-cp", classpath, mainClass));
            argv.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().putAll(env);
            Path out = Files.createTempFile("gpuenv-child", ".out");
            Path err = Files.createTempFile("gpuenv-child", ".err");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM " + mainClass + " did not end within " + timeout);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Starts {@code mainClass} without waiting: {@code prefix} (e.g. {@code unshare --pid --fork}) runs the JVM,
     * stdin and stdout are the caller's to use, stderr goes to a temporary file's stream of the returned process.
     */
    public static Process start(List<String> prefix, List<String> jvmArgs, String mainClass, List<String> args,
                                Map<String, String> env) {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmArgs);
        argv.addAll(List.of("-cp", classpath(), mainClass));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test classpath (surefire/failsafe's, not their manifest-only booter jar). */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String worldReadableCopy(String classpath) throws IOException {
        Path root = Files.createTempDirectory("gpuenv-cp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> copied = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = root.resolve((n++) + "-" + source.getFileName());
            copyReadable(source, target);
            copied.add(target.toString());
        }
        return String.join(File.pathSeparator, copied);
    }

    private static void copyReadable(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
