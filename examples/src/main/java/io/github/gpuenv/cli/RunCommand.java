package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.LaunchPlan;
import io.github.gpuenv.docker.LogStream;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.RunResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpuenv run [--gpus SPEC] [--attach auto|toolkit|cdi|inject] [--pull POLICY] [--timeout D] [--dry-run [--json]]
 * [--no-preflight] IMAGE [CMD…]}: the container's stdout and stderr stream to ours; the exit code is the container's,
 * 125 when gpuenv or the daemon fails or preflight refuses (the typed message and its remedy on stderr). With
 * {@code --dry-run} nothing is created: the create request and preflight's checks are printed (text, or JSON with
 * {@code --json}), exit 0, or 125 when preflight refuses.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a container with GPUs (least privilege, no network by default) and remove it.",
                "Exit code: the container's; 125 when gpuenv or the Docker daemon fails, or preflight refuses."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    DockerHostMixin docker;

    @Option(names = "--gpus", paramLabel = "SPEC",
            description = "GPUs, as docker run --gpus: all, 2, '\"device=0,2\"', capabilities=…, or CDI names"
                    + " nvidia.com/gpu=all.")
    String gpus;

    @Option(names = "--attach", paramLabel = "STRATEGY", defaultValue = "auto",
            description = "How GPUs are attached: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Attach attach;

    @Option(names = "--allow-inject", description = "Let --attach auto inject the driver when the engine has no GPU path.")
    boolean allowInject;

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "missing",
            description = "Pull policy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    PullPolicy pull;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill and remove the container after this, e.g. 5m.")
    Duration timeout;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable.")
    Map<String, String> env = Map.of();

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "none",
            description = "Network mode (default ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--dry-run", description = "Print the create request (device requests, CDI names, mounts, devices,"
            + " env, labels, image, command) and preflight's checks; create nothing. Exit 125 when preflight refuses.")
    boolean dryRun;

    @Option(names = "--json", description = "With --dry-run: print the plan as JSON.")
    boolean json;

    @Option(names = "--no-preflight", description = "Do not check the run before creating it (image platform, GPU"
            + " selection, NVIDIA_REQUIRE_CUDA): let the engine and the NVIDIA toolkit answer.")
    boolean noPreflight;

    @Option(names = "--engine-host-capture", paramLabel = "DIR",
            description = "A gpuenv capture of the engine's host (another machine's engine): preflight judges by its"
                    + " NVIDIA driver and GPUs.")
    java.nio.file.Path engineHostCapture;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image.")
    String image;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (json && !dryRun) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json needs --dry-run (a run's output is the"
                    + " container's) → gpuenv run --dry-run --json …");
        }
        RunOptions.Builder options = RunOptions.builder(image).command(command).attach(attach).allowInject(allowInject)
                .pullPolicy(pull).network(network).preflight(!noPreflight);
        if (gpus != null) {
            options.gpus(parseGpus(gpus));
        }
        if (timeout != null) {
            options.timeout(timeout);
        }
        env.forEach(options::env);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PullProgressPrinter progress = PullProgressPrinter.forConsole();
        ConnectOptions.Builder connect = docker.connectOptionsBuilder();
        if (engineHostCapture != null) {
            connect.engineHostFacts(captureOptions(engineHostCapture));
        }
        if (dryRun) {
            try (DockerGpu gpu = DockerGpu.connect(connect.build())) {
                LaunchPlan plan = gpu.plan(options.build());
                out.print(json ? plan.toJson() : "gpuenv run --dry-run: nothing is created\n" + plan.toText());
                out.flush();
                if (plan.refused()) {
                    throw plan.refusal();
                }
                return GpuEnvCli.OK;
            }
        }
        try (DockerGpu gpu = DockerGpu.connect(connect.build())) {
            RunResult result = gpu.run(options.build(), (stream, bytes) -> {
                PrintStream target = stream == LogStream.STDERR ? err : out;
                target.write(bytes, 0, bytes.length);
                target.flush();
            }, p -> progress.onProgress(p));
            return result.exitCode();
        } finally {
            progress.finish();
        }
    }

    /** The detection options that replay a {@code gpuenv capture} directory. */
    private DetectOptions captureOptions(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir.resolve("root"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine-host-capture " + dir + " is not a"
                    + " gpuenv capture (it has no root/) → make one on the engine's host with gpuenv capture DIR");
        }
        try {
            return MachineCapture.replayOptions(dir).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private GpuRequest parseGpus(String value) {
        try {
            return GpuRequest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid argument \"" + value + "\" for \"--gpus\" flag: " + e.getMessage() + " → e.g. --gpus all,"
                            + " --gpus 2, --gpus '\"device=0,2\"', --gpus nvidia.com/gpu=all", e, null, value);
        }
    }
}
