package io.github.gpuenv.wsl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fake {@code wsl.exe} that is a real executable: a bash script in a temporary directory that looks its argv up
 * in a table of responses, replays the recorded bytes to stdout and stderr, exits with the recorded code, and writes
 * the exact argv it received (NUL-separated, so spaces, quotes and newlines survive) plus its {@code WSL_UTF8}
 * value to a calls directory. Unknown argv: exit 97 with a message on stderr.
 *
 * <p>{@code FakeWslExe fake = FakeWslExe.create(tmp); fake.on("--list", "--verbose").stdoutFixture("list/intellij-utf8.txt");
 * Wsl.local(WslOptions.builder().wslExe(fake.path()).build()).list();}
 */
public final class FakeWslExe {

    private static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "dir=\"$(cd \"$(dirname \"$0\")\" && pwd)\"",
            "n=$(find \"$dir/calls\" -maxdepth 1 -name '*.argv' | wc -l)",
            "call=\"$dir/calls/$(printf %06d \"$n\")\"",
            "if [ $# -gt 0 ]; then printf '%s\\0' \"$@\" > \"$call.argv\"; else : > \"$call.argv\"; fi",
            "printf '%s' \"${WSL_UTF8-<unset>}\" > \"$call.env\"",
            "for r in \"$dir\"/responses/*/; do",
            "  [ -f \"$r/argv\" ] || continue",
            "  [ -f \"$r/used\" ] && continue",
            "  if cmp -s \"$call.argv\" \"$r/argv\"; then",
            "    if [ -f \"$r/once\" ]; then : > \"$r/used\"; fi",
            "    if [ -f \"$r/record-stdin\" ]; then cat > \"$call.stdin\"; fi",
            "    if [ -f \"$r/sleep\" ]; then sleep \"$(cat \"$r/sleep\")\"; fi",
            "    cat \"$r/stdout\"",
            "    cat \"$r/stderr\" >&2",
            "    exit \"$(cat \"$r/exit\")\"",
            "  fi",
            "done",
            "echo \"fake wsl.exe: no response for this argv\" >&2",
            "exit 97",
            "");

    private final Path dir;
    private int responses;

    private FakeWslExe(Path dir) {
        this.dir = dir;
    }

    /** A fake in {@code directory} (created), named {@code wsl.exe}. */
    public static FakeWslExe create(Path directory) {
        try {
            Files.createDirectories(directory.resolve("calls"));
            Files.createDirectories(directory.resolve("responses"));
            Path exe = directory.resolve("wsl.exe");
            Files.writeString(exe, SCRIPT, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new FakeWslExe(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The executable's absolute path. */
    public String path() {
        return dir.resolve("wsl.exe").toAbsolutePath().toString();
    }

    /** A response for exactly this argv (after the program name); by default empty output and exit 0. */
    public Response on(String... argv) {
        return on(List.of(argv));
    }

    /** A response for exactly this argv (after the program name). */
    public Response on(List<String> argv) {
        Path r = dir.resolve("responses").resolve(String.format("%04d", responses++));
        try {
            Files.createDirectories(r);
            StringBuilder key = new StringBuilder();
            argv.forEach(a -> key.append(a).append('\0'));
            Files.write(r.resolve("argv"), key.toString().getBytes(StandardCharsets.UTF_8));
            Files.write(r.resolve("stdout"), new byte[0]);
            Files.write(r.resolve("stderr"), new byte[0]);
            Files.writeString(r.resolve("exit"), "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(r);
    }

    /** Every argv received (after the program name), in order. */
    public List<List<String>> calls() {
        List<List<String>> out = new ArrayList<>();
        for (Path file : callFiles(".argv")) {
            byte[] bytes = read(file);
            List<String> argv = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    argv.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            out.add(argv);
        }
        return out;
    }

    /** The {@code WSL_UTF8} value of every call ({@code <unset>} when absent), in order. */
    public List<String> wslUtf8Values() {
        return callFiles(".env").stream().map(f -> new String(read(f), StandardCharsets.UTF_8)).toList();
    }

    /** What the {@code index}-th call read from stdin (only for responses that {@link Response#recordStdin()}). */
    public byte[] stdinOf(int index) {
        return read(dir.resolve("calls").resolve(String.format("%06d.stdin", index)));
    }

    private List<Path> callFiles(String suffix) {
        try (Stream<Path> files = Files.list(dir.resolve("calls"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scripted response. */
    public static final class Response {
        private final Path dir;

        private Response(Path dir) {
            this.dir = dir;
        }

        public Response stdout(byte[] bytes) {
            return write("stdout", bytes);
        }

        public Response stdout(String utf8) {
            return stdout(utf8.getBytes(StandardCharsets.UTF_8));
        }

        /** Replays the bytes of a fixture under {@code fixtures/wsl/}. */
        public Response stdoutFixture(String name) {
            return stdout(fixture(name));
        }

        public Response stderr(byte[] bytes) {
            return write("stderr", bytes);
        }

        public Response stderrFixture(String name) {
            return stderr(fixture(name));
        }

        public Response exit(int code) {
            return write("exit", Integer.toString(code).getBytes(StandardCharsets.UTF_8));
        }

        /** Sleep before answering (for time-limit tests). */
        public Response sleepSeconds(int seconds) {
            return write("sleep", Integer.toString(seconds).getBytes(StandardCharsets.UTF_8));
        }

        /** Answer only the first matching call; later calls fall through to the next response for the argv. */
        public Response once() {
            return write("once", new byte[0]);
        }

        /** Save what the call reads from stdin. */
        public Response recordStdin() {
            return write("record-stdin", new byte[0]);
        }

        private Response write(String name, byte[] bytes) {
            try {
                Files.write(dir.resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    /** The bytes of {@code fixtures/wsl/<name>}. */
    public static byte[] fixture(String name) {
        try (InputStream in = FakeWslExe.class.getResourceAsStream("/fixtures/wsl/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture wsl/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
