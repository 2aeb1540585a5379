package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code container} fact from the marks engines leave, none of which is trusted alone: {@code /.dockerenv},
 * {@code /run/.containerenv} (Podman), {@code /proc/1/cgroup}, {@code /proc/self/mountinfo}, the variables
 * {@code KUBERNETES_SERVICE_HOST} and {@code container}, and a CUDA image's own environment
 * ({@code NVIDIA_REQUIRE_CUDA}, {@code CUDA_VERSION} — set by the image's {@code ENV}, so it also marks a VM or
 * sandbox that runs a container image without an engine, as on the H200 test host). No commands; a handful of
 * bounded file reads. Always known: no mark means {@code inside = false}.
 */
final class MarkerContainerProbe implements Probe<ContainerEnvironment> {

    static final String ID = "markers";
    private static final int MAX_FILE_BYTES = 256 * 1024;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<ContainerEnvironment> probe(ProbeContext context) {
        FileView files = context.files();
        Environment env = context.environment();
        List<String> evidence = new ArrayList<>();
        List<String> engines = new ArrayList<>();

        if (env.variable("KUBERNETES_SERVICE_HOST").filter(v -> !v.isBlank()).isPresent()) {
            evidence.add("KUBERNETES_SERVICE_HOST is set");
            engines.add("kubernetes");
        }
        Optional<String> containerVar = env.variable("container").map(String::strip).filter(v -> !v.isEmpty());
        containerVar.ifPresent(v -> {
            evidence.add("container=" + v);
            engines.add(v.toLowerCase(Locale.ROOT));
        });
        if (files.exists("/run/.containerenv")) {
            evidence.add("/run/.containerenv exists");
            engines.add("podman");
        }
        if (files.exists("/.dockerenv")) {
            evidence.add("/.dockerenv exists");
            engines.add("docker");
        }
        read(files, "/proc/1/cgroup").flatMap(ProcCgroupParser::parse).ifPresent(e -> {
            evidence.add("/proc/1/cgroup: " + e);
            engines.add(e);
        });
        read(files, "/proc/self/mountinfo").flatMap(MountInfoParser::parse).ifPresent(e -> {
            evidence.add("/proc/self/mountinfo: " + e);
            engines.add(e);
        });
        Optional<String> requireCuda = env.variable("NVIDIA_REQUIRE_CUDA");
        Optional<String> cudaVersion = env.variable("CUDA_VERSION");
        if (requireCuda.isPresent() || cudaVersion.isPresent()) {
            evidence.add("CUDA image environment (" + (requireCuda.isPresent() ? "NVIDIA_REQUIRE_CUDA" : "CUDA_VERSION")
                    + " is set)");
        }
        CudaRequirement requirement = requireCuda.map(NvidiaRequireCudaParser::parse).orElse(null);
        ContainerEnvironment value = new ContainerEnvironment(!evidence.isEmpty(), ContainerEngines.mostSpecific(engines),
                env.variable("NVIDIA_VISIBLE_DEVICES").orElse(null),
                env.variable("NVIDIA_DRIVER_CAPABILITIES").orElse(null), requirement, cudaVersion.orElse(null),
                evidence, !evidence.isEmpty() && DockerdProcesses.visible(files));
        return Fact.known(value, ID);
    }

    private static Optional<String> read(FileView files, String path) {
        return files.read(path, MAX_FILE_BYTES).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }
}
