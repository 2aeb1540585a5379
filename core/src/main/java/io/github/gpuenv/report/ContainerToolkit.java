package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * The NVIDIA Container Toolkit as installed on this host, and Docker's configuration of it.
 *
 * <p>{@code boolean hook = report.toolkit().map(t -> t.has("nvidia-container-runtime-hook")).orElse(false);}
 *
 * <p>Known with empty {@code binaries} means PATH, {@code /usr/bin} and {@code /usr/local/bin} were searched and
 * none was there. Costs: a few file reads and at most one command ({@code nvidia-ctk --version}, under the probe
 * timeout).
 *
 * @param binaries the toolkit executables found on PATH, {@code /usr/bin} or {@code /usr/local/bin} (empty: none)
 * @param configPath {@code /etc/nvidia-container-runtime/config.toml} when present; null otherwise
 * @param noCgroups the {@code no-cgroups} setting in that file; null when absent or commented out
 * @param daemonJsonPath {@code /etc/docker/daemon.json} when present; null otherwise
 * @param nvidiaRuntime whether daemon.json registers a runtime named {@code nvidia}
 * @param defaultRuntime daemon.json's {@code default-runtime}; null when not set
 * @param cdiFeature daemon.json's {@code features.cdi}; null when not set
 * @param cdiSpecs the CDI specs found in {@code /etc/cdi}, {@code /var/run/cdi} and daemon.json's
 *     {@code cdi-spec-dirs}
 * @param daemonCdiSpecDirs daemon.json's {@code cdi-spec-dirs}; empty when not set
 * @param daemonJsonProblem why daemon.json could not be read as JSON; null when it could (or is absent)
 * @param runtimeMode config.toml's {@code [nvidia-container-runtime] mode}, e.g. {@code "auto"}; null when not set
 * @param dockerSnap whether Docker is installed as a snap ({@code /snap/docker} exists): its dockerd does not
 *     see the toolkit's hook
 * @param devCharSymlinks whether {@code /dev/char/195:255} (the nvidiactl symlink that
 *     {@code nvidia-ctk system create-dev-char-symlinks} makes) exists; null when {@code /dev/char} is absent
 */
public record ContainerToolkit(List<Binary> binaries, String configPath, Boolean noCgroups, String daemonJsonPath,
                               boolean nvidiaRuntime, String defaultRuntime, Boolean cdiFeature,
                               List<CdiSpec> cdiSpecs, List<String> daemonCdiSpecDirs, String daemonJsonProblem,
                               String runtimeMode, boolean dockerSnap, Boolean devCharSymlinks) {
    public ContainerToolkit {
        binaries = List.copyOf(binaries);
        cdiSpecs = List.copyOf(cdiSpecs);
        daemonCdiSpecDirs = List.copyOf(daemonCdiSpecDirs);
        configPath = Absent.text(configPath);
        daemonJsonPath = Absent.text(daemonJsonPath);
        defaultRuntime = Absent.text(defaultRuntime);
        daemonJsonProblem = Absent.text(daemonJsonProblem);
        runtimeMode = Absent.text(runtimeMode);
    }

    /** A toolkit fact without the later fields (kept for callers written before them). */
    public ContainerToolkit(List<Binary> binaries, String configPath, Boolean noCgroups, String daemonJsonPath,
                            boolean nvidiaRuntime, String defaultRuntime, Boolean cdiFeature, List<CdiSpec> cdiSpecs) {
        this(binaries, configPath, noCgroups, daemonJsonPath, nvidiaRuntime, defaultRuntime, cdiFeature, cdiSpecs,
                List.of(), "", "", false, null);
    }

    /** Whether any toolkit executable was found. */
    public boolean installed() {
        return !binaries.isEmpty();
    }

    /** Whether the executable {@code name} (e.g. {@code "nvidia-ctk"}) was found. */
    public boolean has(String name) {
        return binaries.stream().anyMatch(b -> b.name().equals(name));
    }

    /** The version of {@code nvidia-ctk} when it was found and answered; null otherwise. */
    public String ctkVersion() {
        return binaries.stream().filter(b -> b.name().equals("nvidia-ctk")).findFirst().map(Binary::version)
                .orElse(null);
    }

    /** The fully qualified CDI device names of every spec of kind {@code kind}, e.g. {@code nvidia.com/gpu}. */
    public List<String> cdiDevices(String kind) {
        return cdiSpecs.stream().filter(s -> kind.equals(s.kind())).flatMap(s -> s.devices().stream()).toList();
    }

    /**
     * One toolkit executable.
     *
     * @param name e.g. {@code "nvidia-ctk"}
     * @param path where it was found
     * @param version its version when cheap to get; null otherwise
     */
    public record Binary(String name, String path, String version) {
        public Binary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            version = Absent.text(version);
        }
    }

    /**
     * One CDI spec file.
     *
     * @param path the file
     * @param kind e.g. {@code "nvidia.com/gpu"}; null when the file could not be read
     * @param devices fully qualified device names, e.g. {@code "nvidia.com/gpu=all"}
     */
    public record CdiSpec(String path, String kind, List<String> devices) {
        public CdiSpec {
            Objects.requireNonNull(path, "path");
            kind = Absent.text(kind);
            devices = List.copyOf(devices);
        }
    }
}
