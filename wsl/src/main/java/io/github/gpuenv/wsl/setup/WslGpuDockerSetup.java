package io.github.gpuenv.wsl.setup;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.GpuEnvException;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslDistribution;
import io.github.gpuenv.wsl.WslRun;
import io.github.gpuenv.wsl.WslRunResult;
import io.github.gpuenv.wsl.WslStatus;
import io.github.gpuenv.wsl.internal.WslArgv;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The WSL2 + Docker Engine + NVIDIA Container Toolkit set-up as a resumable plan: check the requirements, put the
 * distribution into the chosen directory (import a tar file, or install a Store distribution, export it and import
 * the copy), ensure WSL 2, install Docker Engine ({@code docker.io}) and the NVIDIA Container Toolkit from NVIDIA's
 * apt repository, configure Docker's runtime ({@code nvidia-ctk runtime configure --runtime=docker}), restart
 * Docker, and run a GPU smoke container.
 *
 * <pre>{@code
 * WslGpuDockerSetup setup = WslGpuDockerSetup.builder(Wsl.local(), "gpu-ubuntu", "C:\\WSL\\gpu-ubuntu").build();
 * setup.dryRun().forEach(System.out::println);       // the exact commands, nothing run
 * setup.run(new WslSetupListener() { });              // skips what is done, stops at the first failure
 * }</pre>
 *
 * <p>Every in-distribution command runs as root with {@code wsl.exe -d NAME -u root --exec …} (argv, no shell:
 * NVIDIA's repository set-up pipelines are split into single commands; checks read command output in Java).
 * Running it again after a failure resumes: each step first runs its read-only check ({@link WslSetupStep#isDone()}).
 * Cost: downloads a distribution (when installing), Docker and the toolkit packages, and the CUDA base image —
 * minutes to tens of minutes.
 */
public final class WslGpuDockerSetup {

    /** The image the smoke test runs. */
    public static final String DEFAULT_SMOKE_IMAGE = "nvidia/cuda:12.4.1-base-ubuntu22.04";
    /** The Store distribution installed when no tar file is given. */
    public static final String DEFAULT_SOURCE_DISTRIBUTION = "Ubuntu-22.04";
    /** The core checks the requirement step reads (those not in the report are not evaluated). */
    public static final List<String> REQUIREMENT_CHECKS = List.of("windows.build", "wsl.version", "wsl.kernel",
            "nvidia.driver");

    static final String TOOLKIT_KEYRING = "/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg";
    /** NVIDIA's documented apt repository set-up (https://nvidia.github.io/libnvidia-container/), verbatim. */
    private static final String TOOLKIT_KEY_URL = "https://nvidia.github.io/libnvidia-container/gpgkey";
    private static final String TOOLKIT_LIST_URL =
            "https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list";
    private static final String DOWNLOADED_KEY = "/tmp/gpuenv-nvidia-container-toolkit.gpgkey";
    private static final String DOWNLOADED_LIST = "/tmp/gpuenv-nvidia-container-toolkit.list";
    private static final String TOOLKIT_SOURCES = "/etc/apt/sources.list.d/nvidia-container-toolkit.list";

    /**
     * NVIDIA's apt repository set-up (their install guide's {@code curl | gpg --dearmor} and {@code curl | sed | tee}
     * pipelines) as argv-only commands: no shell inside the distribution either.
     */
    static final List<List<String>> TOOLKIT_REPOSITORY_COMMANDS = List.of(
            List.of("curl", "-fsSL", "-o", DOWNLOADED_KEY, TOOLKIT_KEY_URL),
            List.of("gpg", "--dearmor", "--yes", "-o", TOOLKIT_KEYRING, DOWNLOADED_KEY),
            List.of("curl", "-fsSL", "-o", DOWNLOADED_LIST, TOOLKIT_LIST_URL),
            List.of("sed", "-i", "s#deb https://#deb [signed-by=" + TOOLKIT_KEYRING + "] https://#g", DOWNLOADED_LIST),
            List.of("install", "-m", "0644", DOWNLOADED_LIST, TOOLKIT_SOURCES));

    /** What {@link Builder#smokeImage} accepts: an image reference that no CLI can take for an option. */
    private static final java.util.regex.Pattern IMAGE_REFERENCE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");

    private final Wsl wsl;
    private final WslArgv argv;
    private final String distribution;
    private final String directory;
    private final Optional<String> tarFile;
    private final String sourceDistribution;
    private final String smokeImage;
    private final Supplier<GpuEnvReport> report;
    private final List<WslSetupStep> steps;

    private WslGpuDockerSetup(Builder b) {
        this.wsl = b.wsl;
        this.argv = new WslArgv(b.wsl.executable().orElse("wsl.exe"));
        this.distribution = WslArgv.requireValidName(b.distribution);
        this.directory = b.directory;
        this.tarFile = Optional.ofNullable(b.tarFile);
        this.sourceDistribution = WslArgv.requireValidName(b.sourceDistribution);
        if (tarFile.isEmpty() && sourceDistribution.equalsIgnoreCase(distribution)) {
            throw new IllegalArgumentException("the distribution to set up must have another name than the Store "
                    + "distribution it is copied from (" + sourceDistribution + "), or give a tar file to import");
        }
        this.smokeImage = b.smokeImage;
        this.report = b.report;
        this.steps = List.copyOf(buildSteps());
    }

    /**
     * A builder.
     *
     * @param wsl the {@code wsl.exe} to drive
     * @param distribution the name of the distribution to create or reuse, e.g. {@code "gpu-ubuntu"}
     * @param directory where its virtual disk goes (a Windows path, e.g. {@code D:\WSL\gpu-ubuntu})
     */
    public static Builder builder(Wsl wsl, String distribution, String directory) {
        return new Builder(wsl, distribution, directory);
    }

    /** The steps, in order. */
    public List<WslSetupStep> steps() {
        return steps;
    }

    /** The exact commands of every step, one line each ({@code # step} headers between), running nothing. */
    public List<String> dryRun() {
        List<String> lines = new ArrayList<>();
        for (WslSetupStep step : steps) {
            lines.add("# " + step.id() + ": " + step.description());
            step.commands().forEach(c -> lines.add(commandLine(c)));
        }
        return lines;
    }

    /**
     * Runs the plan: each step is skipped when its check says it is done, otherwise run and checked again.
     *
     * @throws WslSetupException at the first failure (the listener hears of it first)
     */
    public void run(WslSetupListener listener) {
        Objects.requireNonNull(listener, "listener");
        for (WslSetupStep step : steps) {
            try {
                if (step.isDone()) {
                    listener.skipped(step);
                    continue;
                }
                listener.started(step);
                if (step instanceof PlanStep plan) {
                    plan.run(listener);
                } else {
                    step.run();
                }
                listener.finished(step);
            } catch (WslSetupException e) {
                listener.failed(step, e);
                throw e;
            } catch (GpuEnvException e) {
                WslSetupException failure = new WslSetupException(step.id(), e.getMessage(),
                        e.remedy().isEmpty() ? "run the step's commands by hand (gpuenv wsl setup-gpu-docker --dry-run)"
                                : e.remedy(), e);
                listener.failed(step, failure);
                throw failure;
            }
        }
    }

    /** A command line for people: elements with spaces or quotes are double-quoted. */
    static String commandLine(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean quote = a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'' || c == '|'
                    || c == '&' || c == ';' || c == '{' || c == '#');
            out.append(quote ? '"' + a.replace("\\\"", "\\\\\"").replace("\"", "\\\"") + '"' : a);
        }
        return out.toString();
    }

    private List<WslSetupStep> buildSteps() {
        List<WslSetupStep> out = new ArrayList<>();
        out.add(new RequirementsStep());
        String tar = tarFile.orElse(join(directory, "gpuenv-" + sourceDistribution + ".tar"));
        if (tarFile.isEmpty()) {
            out.add(PlanStep.management("install-source", "install the Store distribution " + sourceDistribution
                            + " (not launched)", () -> registered(distribution) || registered(sourceDistribution),
                    new Mgmt(argv.install(sourceDistribution, false), () -> wsl.install(sourceDistribution, false))));
            out.add(PlanStep.management("export-source", "export " + sourceDistribution + " to " + tar,
                    () -> registered(distribution),
                    new Mgmt(argv.export(sourceDistribution, tar), () -> wsl.export(sourceDistribution, tar))));
        }
        out.add(PlanStep.management("import", "import " + tar + " as " + distribution + " into " + directory
                        + " (WSL 2)", () -> registered(distribution),
                new Mgmt(argv.importTar(distribution, directory, tar),
                        () -> wsl.importDistribution(distribution, directory, tar))));
        out.add(PlanStep.management("wsl2", "make sure " + distribution + " runs as WSL 2",
                () -> find(distribution).map(d -> d.version() == 2).orElse(false),
                new Mgmt(argv.setVersion(distribution, 2), () -> wsl.setVersion(distribution, 2))));
        out.add(inDistro("docker-engine", "install Docker Engine (Debian/Ubuntu package docker.io)",
                List.of("test", "-x", "/usr/bin/dockerd"),
                "check the distribution's network and apt sources, then: apt-get install -y docker.io",
                List.of("apt-get", "update"),
                List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "docker.io")));
        out.add(inDistro("nvidia-container-toolkit", "install the NVIDIA Container Toolkit from NVIDIA's apt repository",
                List.of("nvidia-ctk", "--version"),
                "follow https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html",
                List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "curl", "gnupg",
                        "ca-certificates"),
                TOOLKIT_REPOSITORY_COMMANDS.get(0), TOOLKIT_REPOSITORY_COMMANDS.get(1),
                TOOLKIT_REPOSITORY_COMMANDS.get(2), TOOLKIT_REPOSITORY_COMMANDS.get(3),
                TOOLKIT_REPOSITORY_COMMANDS.get(4),
                List.of("apt-get", "update"),
                List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                        "nvidia-container-toolkit")));
        out.add(inDistro("docker-runtime", "register the nvidia runtime with Docker (/etc/docker/daemon.json)",
                List.of("grep", "-q", "nvidia", "/etc/docker/daemon.json"),
                "run inside the distribution: nvidia-ctk runtime configure --runtime=docker",
                List.of("nvidia-ctk", "runtime", "configure", "--runtime=docker")));
        out.add(new PlanStep("docker-restart", "restart Docker so it loads the nvidia runtime",
                () -> dockerListsTheNvidiaRuntime(), List.of(runCommand(List.of("service", "docker", "restart"),
                "start Docker inside the distribution (service docker start, or enable systemd in /etc/wsl.conf)"))));
        out.add(new PlanStep("gpu-smoke", "verify: run " + smokeImage + " nvidia-smi with --gpus all", null,
                List.of(runCommand(List.of("docker", "run", "--rm", "--gpus", "all", smokeImage, "nvidia-smi"),
                        "the GPU is not reachable from containers: update the Windows NVIDIA driver, run 'wsl.exe "
                                + "--update' and 'wsl.exe --shutdown', then run this set-up again"))));
        return out;
    }

    private WslSetupStep inDistro(String id, String description, List<String> check, String remedy,
                                  List<?>... commands) {
        List<Command> planned = new ArrayList<>();
        for (List<?> c : commands) {
            planned.add(runCommand(c.stream().map(String::valueOf).toList(), remedy));
        }
        return new PlanStep(id, description, () -> root(check).succeeded(), planned);
    }

    private Command runCommand(List<String> command, String remedy) {
        WslRun run = WslRun.in(distribution).user("root").command(command).build();
        return new Command(argv.run(run), () -> {
            WslRunResult result = wsl.run(run);
            if (!result.succeeded()) {
                throw new WslSetupException("", "'" + String.join(" ", command) + "' exited with "
                        + result.exitCode() + tail(result), remedy, null);
            }
        });
    }

    /** Whether the running dockerd inside the distribution lists a runtime named {@code nvidia}. */
    private boolean dockerListsTheNvidiaRuntime() {
        WslRunResult info = root(DOCKER_RUNTIMES);
        return info.succeeded() && info.stdoutText().contains("\"nvidia\"");
    }

    /** {@code docker info --format '{{json .Runtimes}}'}: the daemon's runtimes as a JSON object. */
    static final List<String> DOCKER_RUNTIMES = List.of("docker", "info", "--format", "{{json .Runtimes}}");

    private WslRunResult root(List<String> command) {
        return wsl.run(WslRun.in(distribution).user("root").command(command).build());
    }

    private static String tail(WslRunResult result) {
        String err = result.stderrText().strip();
        if (err.isEmpty()) {
            err = result.stdoutText().strip();
        }
        if (err.isEmpty()) {
            return "";
        }
        String[] lines = err.split("\r?\n");
        return ": " + String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3),
                lines.length));
    }

    private boolean registered(String name) {
        return find(name).isPresent();
    }

    private Optional<WslDistribution> find(String name) {
        return wsl.list().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    private static String join(String dir, String file) {
        String sep = dir.contains("\\") || !dir.contains("/") ? "\\" : "/";
        return dir.endsWith(sep) ? dir + file : dir + sep + file;
    }

    /** One command of a step: its argv (for dry runs and progress) and how to run it. */
    record Command(List<String> argv, Runnable action) {
    }

    /** A management command ({@code --import}, {@code --set-version}, …). */
    record Mgmt(List<String> argv, Runnable action) {
    }

    /** A step made of commands and a check. */
    static final class PlanStep implements WslSetupStep {
        private final String id;
        private final String description;
        private final Supplier<Boolean> done;
        private final List<Command> commands;

        PlanStep(String id, String description, Supplier<Boolean> done, List<Command> commands) {
            this.id = id;
            this.description = description;
            this.done = done;
            this.commands = List.copyOf(commands);
        }

        static PlanStep management(String id, String description, Supplier<Boolean> done, Mgmt command) {
            return new PlanStep(id, description, done, List.of(new Command(command.argv(), command.action())));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<List<String>> commands() {
            return commands.stream().map(Command::argv).toList();
        }

        @Override
        public boolean isDone() {
            return done != null && done.get();
        }

        @Override
        public void run() {
            run(new WslSetupListener() { });
        }

        void run(WslSetupListener listener) {
            for (Command c : commands) {
                listener.command(this, c.argv());
                try {
                    c.action().run();
                } catch (WslSetupException e) {
                    throw new WslSetupException(id, e.diagnosis(), e.remedy(), e.getCause());
                }
            }
            if (done != null && !done.get()) {
                throw new WslSetupException(id, "its commands ran, but its check still fails",
                        "run the step's commands by hand inside the distribution and read their output", null);
            }
        }
    }

    /** Checks the machine before changing anything: core's checks and {@code wsl.exe --status}. */
    final class RequirementsStep implements WslSetupStep {
        @Override
        public String id() {
            return "requirements";
        }

        @Override
        public String description() {
            return "check " + String.join(", ", REQUIREMENT_CHECKS) + " (gpuenv detect) and wsl.exe --status";
        }

        @Override
        public List<List<String>> commands() {
            return List.of(argv.status());
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public void run() {
            WslStatus status = wsl.status();
            if (status.problem() != null && status.problem() != io.github.gpuenv.report.WslProblem.WSL1_DISABLED) {
                throw new WslSetupException(id(), "wsl.exe --status reports " + status.problem().id(),
                        status.problem().remedy(), null);
            }
            GpuEnvReport r = report.get();
            for (String id : REQUIREMENT_CHECKS) {
                Optional<Check> check = r.check(id);
                if (check.isPresent() && check.get().status() == CheckStatus.FAIL) {
                    throw new WslSetupException(id(), id + ": " + check.get().message(), check.get().remedy(), null);
                }
            }
        }
    }

    /** Builds {@link WslGpuDockerSetup}. */
    public static final class Builder {
        private final Wsl wsl;
        private final String distribution;
        private final String directory;
        private String tarFile;
        private String sourceDistribution = DEFAULT_SOURCE_DISTRIBUTION;
        private String smokeImage = DEFAULT_SMOKE_IMAGE;
        private Supplier<GpuEnvReport> report = GpuEnv::detect;

        private Builder(Wsl wsl, String distribution, String directory) {
            this.wsl = Objects.requireNonNull(wsl, "wsl");
            this.distribution = Objects.requireNonNull(distribution, "distribution");
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** Import this tar file instead of installing and copying a Store distribution. */
        public Builder fromTar(String tarFile) {
            this.tarFile = tarFile;
            return this;
        }

        /** The Store distribution to install and copy (default {@value #DEFAULT_SOURCE_DISTRIBUTION}). */
        public Builder sourceDistribution(String name) {
            this.sourceDistribution = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The image of the smoke test (default {@value #DEFAULT_SMOKE_IMAGE}). It becomes one argument of
         * {@code docker run} inside the distribution, so it must look like an image reference: a letter or digit
         * first (never {@code -}, which the Docker CLI would read as an option such as {@code --privileged}), then
         * letters, digits and {@code . _ - / : @} only.
         *
         * @throws IllegalArgumentException naming the bad reference
         */
        public Builder smokeImage(String image) {
            Objects.requireNonNull(image, "image");
            if (!IMAGE_REFERENCE.matcher(image).matches()) {
                throw new IllegalArgumentException("invalid smoke image reference '" + image.replace("\n", "\\n")
                        + "': use an image reference such as " + DEFAULT_SMOKE_IMAGE
                        + " (letters, digits, '.', '_', '-', '/', ':', '@'; not starting with '-')");
            }
            this.smokeImage = image;
            return this;
        }

        /** Where the requirement checks come from (default {@link GpuEnv#detect()}). */
        public Builder report(Supplier<GpuEnvReport> report) {
            this.report = Objects.requireNonNull(report, "report");
            return this;
        }

        public WslGpuDockerSetup build() {
            return new WslGpuDockerSetup(this);
        }
    }
}
