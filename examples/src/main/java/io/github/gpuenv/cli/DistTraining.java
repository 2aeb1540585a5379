package io.github.gpuenv.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the self-contained distribution ({@code examples/target/gpuenv-dist}): the build runs this
 * once, under {@code -XX:AOTCacheOutput} (JDK 25) or {@code -XX:ArchiveClassesAtExit} (JDK 17), so that the archive
 * holds the classes the CLI's commands load. It needs no GPU and no Docker: it replays a capture's fixture root
 * ({@code --root}), and {@code run} talks to a {@link TrainingEngine} on a private socket, which runs nothing. Output
 * is discarded; one line per command goes to stderr.
 *
 * <p>{@code DOCKER_HOST=unix:///tmp/t.sock java -XX:AOTCacheOutput=gpuenv.aot -cp gpuenv.jar
 * io.github.gpuenv.cli.DistTraining --engine-socket /tmp/t.sock --root core/src/test/resources/fixtures/…/root}
 */
public final class DistTraining {

    private static final String IMAGE = "gpuenv/training:1";

    private DistTraining() {
    }

    /** {@code --engine-socket PATH [--root DIR]}. */
    public static void main(String[] args) throws IOException {
        Path socket = null;
        String root = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--engine-socket" -> socket = Path.of(args[i + 1]);
                case "--root" -> root = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (socket == null) {
            throw new IllegalArgumentException("usage: DistTraining --engine-socket PATH [--root DIR]");
        }
        // what GpuEnvCli.main does before it parses
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", GpuEnvCli.UNUSED_CONVERTERS);
        }
        String host = "unix://" + socket.toAbsolutePath();
        List<List<String>> steps = new ArrayList<>();
        steps.add(List.of("--version"));
        steps.add(List.of("--help"));
        steps.add(List.of("help", "run"));
        steps.add(List.of("detect", "--bogus-option"));
        if (root != null && Files.isDirectory(Path.of(root))) {
            steps.add(List.of("detect", "--json", "--root", root));
            steps.add(List.of("detect", "--root", root));
            steps.add(List.of("doctor", "--json", "--root", root));
            steps.add(List.of("doctor", "--root", root));
        }
        // the live machine, its Docker probe on the training engine (never a real engine)
        if (host.equals(System.getenv("DOCKER_HOST"))) {
            steps.add(List.of("detect", "--json"));
        }
        steps.add(List.of("run", "-H", host, "--pull", "never", "--gpus", "all", IMAGE, "true"));
        steps.add(List.of("run", "-H", host, "--gpus", "nvidia.com/gpu=all", IMAGE, "sh", "-c", "echo ok"));
        steps.add(List.of("run", "-H", host, IMAGE, "true"));
        steps.add(List.of("run", "-H", host, "--gpus", "bogus=1", IMAGE));
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true);
        try (TrainingEngine engine = TrainingEngine.start(socket)) {
            for (List<String> step : steps) {
                long t0 = System.nanoTime();
                System.setOut(discard);
                System.setErr(discard);
                int code;
                try {
                    code = GpuEnvCli.execute(step.toArray(String[]::new));
                } finally {
                    System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true));
                    System.setErr(err);
                }
                err.printf("[training] exit %3d in %5d ms: gpuenv %s%n", code, (System.nanoTime() - t0) / 1_000_000,
                        String.join(" ", step));
            }
        }
    }
}
