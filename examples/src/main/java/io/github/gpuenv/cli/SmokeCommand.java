package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.docker.ImageNotFoundException;
import io.github.gpuenv.docker.RegistryUnreachableException;
import io.github.gpuenv.docker.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gpuenv smoke [--image IMAGE]}: runs {@code nvidia-smi -L} in a container with all GPUs and compares the
 * GPUs it lists with the host's detection. Exit 0 when they match, 1 when not, 125 when gpuenv or the daemon fails.
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = {"Run nvidia-smi -L in a GPU container and compare its GPUs with the host's.",
                "Exit code: 0 match, 1 mismatch, 125 when gpuenv or the Docker daemon fails."})
final class SmokeCommand implements Callable<Integer> {

    static final String DEFAULT_IMAGE = "nvidia/cuda:12.4.1-base-ubuntu22.04";

    @Mixin
    DockerHostMixin docker;

    @Mixin
    DetectMixin detect;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = DEFAULT_IMAGE,
            description = "Image with nvidia-smi available (default ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--attach", paramLabel = "STRATEGY", defaultValue = "auto",
            description = "How GPUs are attached: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Attach attach;

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "missing",
            description = "Pull policy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    PullPolicy pull;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Limit of the container's run (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DetectOptions detectOptions = detect.options();
        if (!detectOptions.liveMachine()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "gpuenv smoke compares this machine's GPUs"
                    + " with a container's on this machine's engine: --root does not apply (use gpuenv detect --root)");
        }
        GpuEnvReport report = GpuEnv.detect(detectOptions);
        RunOptions options = RunOptions.builder(image).command("nvidia-smi", "-L").gpus(GpuRequest.all())
                .attach(attach).pullPolicy(pull).timeout(timeout).build();
        PullProgressPrinter progress = PullProgressPrinter.forConsole();
        RunResult result;
        try (DockerGpu gpu = DockerGpu.connect(docker.connectOptions())) {
            try {
                result = gpu.run(options, io.github.gpuenv.docker.OutputListener.none(), progress);
            } catch (RegistryUnreachableException | ImageNotFoundException e) {
                if (spec.commandLine().getParseResult().hasMatchedOption("--image")) {
                    throw e;
                }
                throw offline(e, localImagesOf(gpu));
            }
        } finally {
            progress.finish();
        }
        out.print(result.stdout());
        if (result.exitCode() != 0) {
            out.flush();
            String said = result.stderr().strip().lines().findFirst().orElse("");
            throw new CliFailure(GpuEnvCli.INTERNAL, "smoke: nvidia-smi -L exited " + result.exitCode() + " in the"
                    + " container (attach " + result.attach() + ")" + (said.isEmpty() ? "" : ": " + said),
                    "use an image that has nvidia-smi (--image), and see gpuenv doctor for the GPU path");
        }
        List<NvidiaSmiListParser.ListedGpu> inContainer = NvidiaSmiListParser.parse(result.stdout());
        boolean match = SmokeComparison.print(inContainer, report.nvidia(), out, result.attach());
        out.flush();
        return match ? GpuEnvCli.OK : GpuEnvCli.NOT_READY;
    }

    /**
     * The default image cannot be had (no network, a private registry): one line that says so and names the local
     * images that can run the check instead — any glibc image with {@code /usr/bin} on its PATH does, since CDI,
     * injection and the toolkit all give the container the driver's {@code nvidia-smi}.
     */
    static CliFailure offline(io.github.gpuenv.docker.DockerGpuException e, List<String> local) {
        String what = e.getMessage();
        if (!e.remedy().isEmpty() && what.endsWith(" → " + e.remedy())) {
            what = what.substring(0, what.length() - e.remedy().length() - 3);
        }
        String instead = local.isEmpty()
                ? "this engine has no image yet: `docker load` one with a shell (e.g. `docker save ubuntu:24.04 | docker load`"
                        + " from a machine with network) and run gpuenv smoke --image IMAGE"
                : "or run the check in an image this engine has — gpuenv gives it the driver's nvidia-smi: gpuenv smoke"
                        + " --image " + local.get(0) + (local.size() > 1 ? " (also here: "
                        + String.join(", ", local.subList(1, Math.min(local.size(), 4))) + (local.size() > 4 ? ", …" : "")
                        + ")" : "");
        return new CliFailure(GpuEnvCli.INTERNAL, "smoke: the default image " + DEFAULT_IMAGE + " is not on this engine"
                + " and cannot be pulled: " + what, "pull it where there is network and `docker load` it here, " + instead);
    }

    private static List<String> localImagesOf(DockerGpu gpu) {
        try {
            return gpu.localImages();
        } catch (io.github.gpuenv.docker.DockerGpuException e) {
            return List.of();
        }
    }

    /** Compares the container's GPUs with the host's. */
    static final class SmokeComparison {
        private SmokeComparison() {
        }

        static boolean print(List<NvidiaSmiListParser.ListedGpu> container, io.github.gpuenv.report.Fact<NvidiaDriver> host,
                             PrintWriter out, Attach attach) {
            if (!host.isKnown()) {
                out.println("smoke: the container lists " + container.size() + " GPU(s); the host's NVIDIA driver is "
                        + "unknown (" + host.describe() + "): cannot compare");
                return false;
            }
            List<GpuDevice> hostGpus = host.value().gpus();
            boolean match = matches(container, hostGpus);
            out.println("smoke: " + (match ? "OK" : "MISMATCH") + " — container (attach " + attach + ") lists "
                    + container.size() + " GPU(s), the host " + hostGpus.size());
            for (GpuDevice g : hostGpus) {
                boolean seen = container.stream().anyMatch(c -> sameGpu(c, g));
                out.println("  host GPU " + g.index() + ": " + g.name() + (g.uuid() == null ? "" : " (" + g.uuid() + ")")
                        + (seen ? "  ✓ in container" : "  ✗ not in container"));
            }
            return match;
        }

        static boolean matches(List<NvidiaSmiListParser.ListedGpu> container, List<GpuDevice> host) {
            if (container.isEmpty() || container.size() != host.size()) {
                return false;
            }
            return host.stream().allMatch(h -> container.stream().anyMatch(c -> sameGpu(c, h)));
        }

        private static boolean sameGpu(NvidiaSmiListParser.ListedGpu c, GpuDevice h) {
            return h.uuid() != null ? h.uuid().equalsIgnoreCase(c.uuid()) : java.util.Objects.equals(h.name(), c.name());
        }
    }
}
