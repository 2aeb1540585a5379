package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuContainer;
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
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpuenv run [-d] [--gpus SPEC] [--attach …] [--pull POLICY] [--timeout D] [--dry-run [--json]] [--no-preflight]
 * [-v …] [-p …] [--shm-size …] … IMAGE [CMD…]}: the container's stdout and stderr stream to ours; the exit code is the
 * container's, 125 when gpuenv or the daemon fails or preflight refuses (the typed message and its remedy on stderr).
 * With {@code -d} it prints the container's id and exits 0; the container keeps running (it outlives this process:
 * no sweep removes it; {@code docker rm -f ID} does). With {@code --dry-run} nothing is created: the create request
 * and preflight's checks are printed (text, or JSON with {@code --json}), exit 0, or 125 when preflight refuses. The
 * workload options take the Docker CLI's syntax, read by gpuenv-docker's value types ({@code Mount.parse},
 * {@code PortBinding.parseAll}, {@code Ulimit.parse}, {@code ByteSize.parse}, …); a bad value is a one-line usage
 * error, exit 2.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a container with GPUs (least privilege, no network by default) and remove it; with -d,"
                + " start it detached and print its id.",
                "Options take docker run's syntax. Exit code: the container's (0 with -d); 125 when gpuenv or the"
                + " Docker daemon fails, or preflight refuses; 2 for a bad option."})
final class RunCommand implements Callable<Integer> {

    /** The longest part of a bad value a usage error repeats. */
    private static final int SHOWN = 80;

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
            description = "Kill and remove the container after this, e.g. 5m (with -d: the limit of its start).")
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

    @Option(names = {"-d", "--detach"}, description = "Start the container detached, print its id and exit 0; it keeps"
            + " running after gpuenv exits (no sweep removes it: docker rm -f ID does).")
    boolean detach;

    @Option(names = {"-v", "--volume"}, paramLabel = "[SRC:]DST[:OPTS]",
            description = "Bind mount (absolute or ./ source) or named volume, as docker -v: /data:/data:ro,"
                    + " cache:/root/.cache.")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOSTPORT:]PORT[/PROTO]",
            description = "Publish a port, as docker -p: 8080 (random host port), 127.0.0.1:8000:8000/tcp. Needs"
                    + " --network bridge (or another network).")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory in the container.")
    String workdir;

    @Option(names = "--entrypoint", paramLabel = "CMD",
            description = "Override the image's entrypoint (\"\" resets it).")
    String entrypoint;

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "User (name or uid[:gid]).")
    String user;

    @Option(names = "--name", paramLabel = "NAME", description = "The container's name.")
    String name;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "Set a label.")
    Map<String, String> labels = Map.of();

    @Option(names = "--shm-size", paramLabel = "SIZE", description = "Size of /dev/shm, e.g. 16g (docker's units).")
    String shmSize;

    @Option(names = "--ipc", paramLabel = "MODE",
            description = "IPC namespace: host, private, shareable, none, container:NAME.")
    String ipc;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]",
            description = "A resource limit, e.g. memlock=-1, stack=67108864.")
    List<String> ulimits = new ArrayList<>();

    @Option(names = "--add-host", paramLabel = "HOST:IP", description = "Add an /etc/hosts entry (IP or host-gateway).")
    List<String> addHosts = new ArrayList<>();

    @Option(names = "--cpus", paramLabel = "N", description = "CPU limit, e.g. 1.5.")
    String cpus;

    @Option(names = "--cpuset-cpus", paramLabel = "LIST", description = "CPUs to run on, e.g. 0-3,8.")
    String cpusetCpus;

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit, e.g. 8g.")
    String memory;

    @Option(names = "--init", description = "Run an init process as PID 1 (forwards signals, reaps zombies).")
    boolean init;

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
        if (detach && dryRun) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-d and --dry-run exclude each other → drop"
                    + " one of them");
        }
        RunOptions options = options();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PullProgressPrinter progress = PullProgressPrinter.forConsole();
        ConnectOptions.Builder connect = docker.connectOptionsBuilder();
        if (engineHostCapture != null) {
            connect.engineHostFacts(captureOptions(engineHostCapture));
        }
        if (dryRun) {
            try (DockerGpu gpu = DockerGpu.connect(connect.build())) {
                LaunchPlan plan = gpu.plan(options);
                out.print(json ? plan.toJson() : "gpuenv run --dry-run: nothing is created\n" + plan.toText());
                out.flush();
                if (plan.refused()) {
                    throw plan.refusal();
                }
                return GpuEnvCli.OK;
            }
        }
        // the leftover sweep beside the launch, not before it (BackgroundSweep)
        try (DockerGpu gpu = DockerGpu.connect(connect.removeLeftovers(false).build());
             BackgroundSweep sweep = BackgroundSweep.start(gpu)) {
            if (detach) {
                GpuContainer container = gpu.start(options, p -> progress.onProgress(p));
                progress.finish();
                out.println(container.id());
                out.flush();
                return GpuEnvCli.OK;
            }
            RunResult result = gpu.run(options, (stream, bytes) -> {
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

    /** The options from the command line; a bad value is a usage error naming its flag. */
    private RunOptions options() {
        RunOptions.Builder options = RunOptions.builder(image).command(command).attach(attach).allowInject(allowInject)
                .pullPolicy(pull).network(network).outliveSession(detach).init(init).preflight(!noPreflight);
        if (gpus != null) {
            options.gpus(parseGpus(gpus));
        }
        if (timeout != null) {
            options.timeout(timeout);
        }
        env.forEach(options::env);
        volumes.forEach(v -> flag("--volume", v, options::volume, "-v /data:/data:ro, -v cache:/root/.cache"));
        publish.forEach(p -> flag("--publish", p, options::publish, "-p 8080, -p 127.0.0.1:8000:8000/tcp"));
        ulimits.forEach(u -> flag("--ulimit", u, options::ulimit, "--ulimit memlock=-1, --ulimit nofile=1024:65536"));
        addHosts.forEach(h -> flag("--add-host", h, options::addHost, "--add-host db:10.0.0.5"));
        labels.forEach((k, v) -> flag("--label", k + "=" + v, kv -> options.label(k, v), "-l team=ml"));
        optional("--workdir", workdir, options::workingDir, "-w /workspace");
        if (entrypoint != null) {
            options.entrypoint(entrypoint.isEmpty() ? List.of() : List.of(entrypoint));
        }
        optional("--user", user, options::user, "-u 1000:1000");
        optional("--name", name, options::name, "--name trainer-0");
        optional("--shm-size", shmSize, options::shmSize, "--shm-size 16g");
        optional("--ipc", ipc, options::ipc, "--ipc host");
        optional("--cpus", cpus, options::cpus, "--cpus 1.5");
        optional("--cpuset-cpus", cpusetCpus, options::cpusetCpus, "--cpuset-cpus 0-3");
        optional("--memory", memory, options::memory, "--memory 8g");
        try {
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace(
                    "set network(\"bridge\") (CLI: --network bridge)", "add --network bridge")
                    + " → " + CliError.usageHint(spec.commandLine()), e, null, image);
        }
    }

    /** {@link #flag} when the option was given. */
    private void optional(String flag, String value, Consumer<String> apply, String example) {
        if (value != null) {
            flag(flag, value, apply, example);
        }
    }

    /** Applies {@code value} of {@code flag}; its IllegalArgumentException becomes docker's usage line. */
    private void flag(String flag, String value, Consumer<String> apply, String example) {
        try {
            apply.accept(value);
        } catch (IllegalArgumentException e) {
            String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid argument \"" + shown + "\" for \""
                    + flag + "\" flag: " + e.getMessage() + " → e.g. " + example, e, null, value);
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
