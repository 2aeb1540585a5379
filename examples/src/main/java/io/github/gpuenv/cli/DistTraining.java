package io.github.gpuenv.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>{@code --commands} picks what is trained: {@code quick} ({@code detect} and {@code doctor} of this machine as
 * {@link QuickReport} runs them), {@code other} (version, help, usage errors, commands through picocli), {@code run}
 * (run through docker-java, against the stand-in engine), or {@code all} (every one, and the replay of a capture's
 * {@code --root}). An AOT cache loads every class it holds at start-up — a cache of more commands makes each of them
 * slower to start — so the JDK 25 distribution has one cache per set and the launcher picks by subcommand; a JDK 17
 * archive loads on demand and takes {@code all}.
 *
 * <p>{@code java -XX:AOTCacheOutput=gpuenv.aot -cp gpuenv.jar
 * io.github.gpuenv.cli.DistTraining --commands all --engine-socket /tmp/t.sock --root core/src/test/…/root}
 */
public final class DistTraining {

    private static final String IMAGE = "gpuenv/training:1";

    /**
     * One command line of the training.
     *
     * @param quick whether {@link QuickReport} runs it, as {@link GpuEnvCli#main} does before picocli
     * @param properties system properties set while it runs (configuration keys)
     * @param args the command line
     */
    private record Step(boolean quick, Map<String, String> properties, List<String> args) {
        static Step quick(String... args) {
            return new Step(true, Map.of(), List.of(args));
        }

        static Step picocli(String... args) {
            return new Step(false, Map.of(), List.of(args));
        }
    }

    private DistTraining() {
    }

    /** This machine's C library, a shared library that is surely there and surely not NVML. */
    private static Optional<String> libc() {
        return Stream.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6",
                "/lib64/libc.so.6", "/usr/lib64/libc.so.6", "/usr/lib/libc.so.6", "/lib/libc.so.6")
                .filter(f -> Files.isRegularFile(Path.of(f))).findFirst();
    }

    /** {@code --engine-socket PATH [--commands quick|other|run|all] [--root DIR]}. */
    public static void main(String[] args) throws IOException {
        JnaSearchPath.presetUnlessSet(); // as GpuEnvCli.main: the archive holds what the production run loads
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
        if (socket == null || !List.of("quick", "other", "run", "all").contains(commands)) {
            throw new IllegalArgumentException(
                    "usage: DistTraining --engine-socket PATH [--commands quick|other|run|all] [--root DIR]");
        }
        boolean all = commands.equals("all");
        // what GpuEnvCli.main does before it parses
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", GpuEnvCli.UNUSED_CONVERTERS);
        }
        String host = "unix://" + socket.toAbsolutePath();
        List<Step> steps = new ArrayList<>();
        if (all || commands.equals("quick")) {
            // the live machine: the Docker probe reads /version and /info of the engine at the default socket, if
            // one answers there (read-only; with DOCKER_HOST set, endpoint resolution would take docker-java's path,
            // which an unconfigured machine never takes, so the build runs this without it)
            steps.add(Step.quick("detect", "--json"));
            steps.add(Step.quick("detect"));
            steps.add(Step.quick("doctor", "--json"));
            steps.add(Step.quick("doctor"));
            // JNA loads a library and looks NVML up in it: the loading half of the NVML probe, without a GPU
            libc().ifPresent(libc -> steps.add(new Step(true, Map.of("gpuenv.nvml-library", libc),
                    List.of("detect", "--json"))));
        }
        if (all || commands.equals("other")) {
            steps.add(Step.picocli("--version"));
            steps.add(Step.picocli("--help"));
            steps.add(Step.picocli("help", "detect"));
            steps.add(Step.picocli("detect", "--bogus-option"));
            steps.add(Step.picocli("detect", "--json", "--skip", "wslHost"));
            steps.add(Step.picocli("doctor", "--json", "--skip", "wslHost"));
            steps.add(Step.picocli("labels"));
            steps.add(Step.picocli("cdi", "generate"));
        }
        // a capture's replay reads its answers with databind: ~450 classes that an AOT cache would load at every
        // start for a path users rarely take, so only the archive that loads on demand (all) trains it
        if (all && root != null && Files.isDirectory(Path.of(root))) {
            steps.add(Step.picocli("detect", "--json", "--root", root));
            steps.add(Step.picocli("doctor", "--root", root));
        }
        if (all || commands.equals("run")) {
            steps.add(Step.picocli("run", "-H", host, "--pull", "never", "--gpus", "all", IMAGE, "true"));
            steps.add(Step.picocli("run", "-H", host, "--gpus", "nvidia.com/gpu=all", IMAGE, "sh", "-c", "echo ok"));
            steps.add(Step.picocli("run", "-H", host, IMAGE, "true"));
            steps.add(Step.picocli("run", "-H", host, "--gpus", "bogus=1", IMAGE));
            steps.add(Step.picocli("run", "-H", host, "--dry-run", "--gpus", "all", IMAGE, "true"));
            steps.add(Step.picocli("run", "--help"));
        }
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true);
        try (TrainingEngine engine = TrainingEngine.start(socket)) {
            for (Step step : steps) {
                long t0 = System.nanoTime();
                System.setOut(discard);
                System.setErr(discard);
                step.properties().forEach(System::setProperty);
                int code;
                try {
                    Integer quick = step.quick() ? QuickReport.run(step.args().toArray(String[]::new)) : null;
                    code = step.quick() ? (quick == null ? -1 : quick)
                            : GpuEnvCli.execute(step.args().toArray(String[]::new));
                } finally {
                    step.properties().keySet().forEach(System::clearProperty);
                    System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true));
                    System.setErr(err);
                }
                err.printf("[training] exit %3d in %5d ms: gpuenv %s%s%n", code, (System.nanoTime() - t0) / 1_000_000,
                        String.join(" ", step.args()), step.quick() ? " (as main runs it, without picocli)" : "");
            }
        }
    }
}
