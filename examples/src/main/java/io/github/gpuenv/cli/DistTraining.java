package io.github.gpuenv.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training run of the self-contained distribution ({@code examples/target/gpuenv-dist}): the build runs this
 * under {@code -XX:AOTCacheOutput} (JDK 25) or {@code -XX:ArchiveClassesAtExit} (JDK 17), so that the archive holds
 * the classes the CLI's commands load. It needs no GPU and no Docker: {@code run} talks to a
 * {@link TrainingEngine} on a private socket, which runs nothing; {@code detect} reads this machine (an engine at the
 * default socket, if any, is asked for {@code /version} and {@code /info}, as every detect does). Output
 * is discarded; one line per command goes to stderr.
 *
 * <p>{@code --commands} picks what is trained: {@code detect} (version, help, usage errors, detect and doctor of
 * this machine), {@code run} (run through docker-java, against the stand-in engine), or {@code all} (both, and the
 * replay of a capture's {@code --root}). An AOT cache loads every class it holds at start-up, so the
 * JDK 25 distribution has one cache per set and the launcher picks by subcommand; a JDK 17 archive loads on demand
 * and takes {@code all}.
 *
 * <p>{@code java -XX:AOTCacheOutput=gpuenv.aot -cp gpuenv.jar
 * io.github.gpuenv.cli.DistTraining --commands all --engine-socket /tmp/t.sock --root core/src/test/…/root}
 */
public final class DistTraining {

    private static final String IMAGE = "gpuenv/training:1";
    /** A step that {@link QuickReport} runs, as {@link GpuEnvCli#main} does before picocli. */
    private static final String QUICK = "(quick)";

    private DistTraining() {
    }

    /** This machine's C library, a shared library that is surely there and surely not NVML. */
    private static Optional<String> libc() {
        return Stream.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6",
                "/lib64/libc.so.6", "/usr/lib64/libc.so.6", "/usr/lib/libc.so.6", "/lib/libc.so.6")
                .filter(f -> Files.isRegularFile(Path.of(f))).findFirst();
    }

    /** {@code --engine-socket PATH [--commands detect|run|all] [--root DIR]}. */
    public static void main(String[] args) throws IOException {
        Path socket = null;
        String root = null;
        String commands = "all";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--engine-socket" -> socket = Path.of(args[i + 1]);
                case "--commands" -> commands = args[i + 1];
                case "--root" -> root = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (socket == null || !List.of("detect", "run", "all").contains(commands)) {
            throw new IllegalArgumentException(
                    "usage: DistTraining --engine-socket PATH [--commands detect|run|all] [--root DIR]");
        }
        boolean detect = !commands.equals("run");
        boolean run = !commands.equals("detect");
        // what GpuEnvCli.main does before it parses
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", GpuEnvCli.UNUSED_CONVERTERS);
        }
        String host = "unix://" + socket.toAbsolutePath();
        List<List<String>> steps = new ArrayList<>();
        if (detect) {
            steps.add(List.of("--version"));
            steps.add(List.of("--help"));
            steps.add(List.of("help", "detect"));
            steps.add(List.of("detect", "--bogus-option"));
            // the live machine: the Docker probe reads /version and /info of the engine at the default socket, if
            // one answers there (read-only; with DOCKER_HOST set, endpoint resolution would take docker-java's path,
            // which an unconfigured machine never takes, so the build runs this without it)
            steps.add(List.of("detect", "--json"));
            steps.add(List.of(QUICK, "detect", "--json"));
            steps.add(List.of(QUICK, "doctor"));
            // JNA loads a library and looks NVML up in it: the loading half of the NVML probe, without a GPU
            libc().ifPresent(libc -> steps.add(List.of("detect", "--json", "--nvml-library", libc)));
            // a capture's replay reads its answers with databind: ~450 classes that an AOT cache would load at
            // every start for a path users rarely take, so only an archive that loads on demand (all) trains it
            if (run && root != null && Files.isDirectory(Path.of(root))) {
                steps.add(List.of("detect", "--json", "--root", root));
                steps.add(List.of("doctor", "--root", root));
            }
        }
        if (run) {
            steps.add(List.of("run", "-H", host, "--pull", "never", "--gpus", "all", IMAGE, "true"));
            steps.add(List.of("run", "-H", host, "--gpus", "nvidia.com/gpu=all", IMAGE, "sh", "-c", "echo ok"));
            steps.add(List.of("run", "-H", host, IMAGE, "true"));
            steps.add(List.of("run", "-H", host, "--gpus", "bogus=1", IMAGE));
            steps.add(List.of("run", "-H", host, "--dry-run", "--gpus", "all", IMAGE, "true"));
            steps.add(List.of("run", "--help"));
        }
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true);
        try (TrainingEngine engine = TrainingEngine.start(socket)) {
            for (List<String> step : steps) {
                long t0 = System.nanoTime();
                System.setOut(discard);
                System.setErr(discard);
                int code;
                try {
                    if (step.get(0).equals(QUICK)) {
                        Integer quick = QuickReport.run(step.subList(1, step.size()).toArray(String[]::new));
                        code = quick == null ? -1 : quick;
                    } else {
                        code = GpuEnvCli.execute(step.toArray(String[]::new));
                    }
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
