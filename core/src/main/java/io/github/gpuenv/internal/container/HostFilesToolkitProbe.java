package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.ContainerToolkit.Binary;
import io.github.gpuenv.report.ContainerToolkit.CdiSpec;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.FileView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code toolkit} fact from this host's files: the toolkit executables (PATH, {@code /usr/bin},
 * {@code /usr/local/bin}), {@code /etc/nvidia-container-runtime/config.toml}, {@code /etc/docker/daemon.json},
 * the CDI specs in {@code /etc/cdi}, {@code /var/run/cdi} and daemon.json's {@code cdi-spec-dirs}, a snap-installed
 * Docker, and {@code /dev/char} symlinks. Runs one command, {@code nvidia-ctk --version} (by its machine path), under
 * the probe timeout, and only when {@code nvidia-ctk} was found; under a fixture root it is replayed or not run, and
 * the version is then empty. Known with no binaries means "looked, none installed". Not
 * applicable on Windows and macOS (Docker Desktop keeps the toolkit inside its VM).
 */
final class HostFilesToolkitProbe implements Probe<ContainerToolkit> {

    static final String ID = "host-files";
    static final String CONFIG_TOML = "/etc/nvidia-container-runtime/config.toml";
    static final String DAEMON_JSON = "/etc/docker/daemon.json";
    static final List<String> CDI_DIRS = List.of("/etc/cdi", "/var/run/cdi");
    /** The nvidiactl device (major 195, minor 255) as {@code nvidia-ctk system create-dev-char-symlinks} links it. */
    static final String NVIDIACTL_CHAR_LINK = "/dev/char/195:255";

    private static final Logger LOG = LoggerFactory.getLogger(HostFilesToolkitProbe.class);
    private static final int MAX_SPEC_BYTES = 8 * 1024 * 1024;
    private static final int MAX_SPEC_FILES = 256;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<ContainerToolkit> probe(ProbeContext context) {
        OsFamily family = context.osFamily();
        if (family == OsFamily.WINDOWS || family == OsFamily.MACOS) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "the NVIDIA Container Toolkit runs on Linux; on "
                    + family.id() + " Docker Desktop keeps it inside its VM");
        }
        FileView files = context.files();
        List<Binary> binaries = binaries(context);

        String configPath = null;
        NvidiaRuntimeConfigParser.RuntimeConfig config = NvidiaRuntimeConfigParser.parse("");
        Optional<String> toml = files.readString(CONFIG_TOML);
        if (toml.isPresent()) {
            configPath = CONFIG_TOML;
            config = NvidiaRuntimeConfigParser.parse(toml.get());
        }

        String daemonJsonPath = null;
        DaemonJsonParser.DaemonConfig daemon = DaemonJsonParser.parse(new byte[0]);
        Optional<byte[]> json = files.read(DAEMON_JSON, FileView.DEFAULT_MAX_BYTES);
        if (json.isPresent()) {
            daemonJsonPath = DAEMON_JSON;
            daemon = DaemonJsonParser.parse(json.get());
        }

        Set<String> specDirs = new LinkedHashSet<>(CDI_DIRS);
        specDirs.addAll(daemon.cdiSpecDirs());
        List<CdiSpec> specs = cdiSpecs(files, specDirs);

        boolean snap = files.exists("/snap/docker") || files.exists("/var/snap/docker");
        Boolean devChar = files.isDirectory("/dev/char") ? files.exists(NVIDIACTL_CHAR_LINK) : null;
        return Fact.known(new ContainerToolkit(binaries, configPath, config.noCgroups(), daemonJsonPath,
                daemon.nvidiaRuntime(), daemon.defaultRuntime(), daemon.cdiFeature(), specs, daemon.cdiSpecDirs(),
                daemon.problem(), config.mode(), snap, devChar), ID);
    }

    private static List<Binary> binaries(ProbeContext context) {
        List<String> dirs = ToolkitExecutables.searchDirectories(context.environment().variable("PATH").orElse(""));
        List<Binary> found = new ArrayList<>();
        for (String name : ToolkitExecutables.NAMES) {
            ToolkitExecutables.find(context.files(), dirs, name).ifPresent(path ->
                    found.add(new Binary(name, path, name.equals("nvidia-ctk") ? ctkVersion(context, path) : "")));
        }
        return found;
    }

    private static String ctkVersion(ProbeContext context, String path) {
        // three quarters of the probe timeout: a hung nvidia-ctk then costs its version, not the whole toolkit fact
        CommandResult result = context.commands().run(List.of(path, "--version"),
                context.probeTimeout().multipliedBy(3).dividedBy(4));
        if (!result.succeeded()) {
            LOG.debug("probe toolkit/{}: {} --version: {}", ID, path, result.summary());
            return "";
        }
        return NvidiaCtkVersionParser.parse(result.stdoutText()).orElse("");
    }

    private static List<CdiSpec> cdiSpecs(FileView files, Set<String> dirs) {
        List<CdiSpec> specs = new ArrayList<>();
        for (String dir : dirs) {
            for (String name : files.list(dir)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (specs.size() >= MAX_SPEC_FILES
                        || !(lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
                    continue;
                }
                String path = dir + "/" + name;
                Optional<CdiSpecParser.Spec> spec = files.read(path, MAX_SPEC_BYTES)
                        .map(b -> new String(b, StandardCharsets.UTF_8)).flatMap(CdiSpecParser::parse);
                specs.add(spec.map(s -> new CdiSpec(path, s.kind(), s.devices()))
                        .orElseGet(() -> new CdiSpec(path, "", List.of())));
            }
        }
        return specs;
    }
}
