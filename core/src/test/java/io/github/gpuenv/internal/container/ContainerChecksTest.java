package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.ContainerToolkit.Binary;
import io.github.gpuenv.report.ContainerToolkit.CdiSpec;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.internal.check.ReadinessCheck;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerChecksTest {

    private static final DetectOptions OPTIONS = DetectOptions.builder(new Environment(Map.of(), Map.of())).build();
    private static final Fact<NvidiaDriver> H200_DRIVER = Fact.known(new NvidiaDriver("580.159.04", "13.0", "nvml",
            List.of(new GpuDevice(0, "NVIDIA H200", null, null, null, "9.0", null))), "nvml");
    private static final Fact<ContainerEnvironment> OUTSIDE = Fact.known(
            new ContainerEnvironment(false, "", null, null, null, null, List.of()), "markers");
    private static final ContainerToolkit NONE = toolkit(List.of(), false, null);
    private static final ContainerToolkit INSTALLED = toolkit(List.of(
            new Binary("nvidia-container-runtime-hook", "/usr/bin/nvidia-container-runtime-hook", ""),
            new Binary("nvidia-ctk", "/usr/bin/nvidia-ctk", "1.17.3"),
            new Binary("nvidia-container-cli", "/usr/bin/nvidia-container-cli", "")), true, null);

    @Test
    void checkIdsInReportOrder() {
        FactSet facts = facts(OUTSIDE, H200_DRIVER, Fact.known(INSTALLED, "host-files"), engine(GpuPath.NVIDIA_RUNTIME));

        assertThat(ContainerChecks.all()).extracting(c -> c.evaluate(facts, OPTIONS).id()).containsExactly(
                "container.require-cuda", "toolkit.installed", "toolkit.no-cgroups", "toolkit.container-cli",
                "toolkit.cgroup-v2", "toolkit.daemon-config", "docker.reachable", "docker.gpu-path",
                "docker.cdi-spec", "docker.cgroup-driver");
    }

    // container.require-cuda

    @Test
    void theH200ImageRequirementPassesOnTheH200Driver() {
        Check c = check(new RequireCudaCheck(), facts(h200Container(), H200_DRIVER, noToolkit(), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.message()).contains("driver 580.159.04 (CUDA 13.0)").contains("through cuda>=13.0");
    }

    @Test
    void anOlderDriverFailsTheRequirementWithLibnvidiaContainersWords() {
        Fact<NvidiaDriver> old = Fact.known(new NvidiaDriver("560.35.03", "12.6", "nvml", List.of()), "nvml");

        Check c = check(new RequireCudaCheck(), facts(h200Container(), old, noToolkit(), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.blocking()).isTrue();
        assertThat(c.message()).startsWith("requirement error: unsatisfied condition: cuda>=13.0");
        assertThat(c.remedy()).startsWith("update the NVIDIA driver to one that supports CUDA ≥ 13.0")
                .contains("or use an image built for CUDA ≤ 12.6");
    }

    @Test
    void aForwardCompatibleBranchWithUnknownBrandWarns() {
        Fact<NvidiaDriver> r535 = Fact.known(new NvidiaDriver("535.104.05", "12.2", "nvml", List.of()), "nvml");

        Check c = check(new RequireCudaCheck(), facts(h200Container(), r535, noToolkit(), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.message()).contains("brand=unknown,driver>=535,driver<536");
    }

    @Test
    void anUnknownDriverMakesTheRequirementUnknown() {
        Check c = check(new RequireCudaCheck(), facts(h200Container(),
                Fact.unknown(Reason.DRIVER_NOT_LOADED, "NVML_ERROR_DRIVER_NOT_LOADED"), noToolkit(), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(c.message()).contains("driver-not-loaded");
    }

    @Test
    void noRequirementIsSkipped() {
        Check c = check(new RequireCudaCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.SKIPPED);
    }

    // toolkit.installed

    @Test
    void toolkitFoundPassesAndNamesVersions() {
        Check c = check(new ToolkitInstalledCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(INSTALLED, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));

        assertThat(c.status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.message()).contains("nvidia-ctk 1.17.3 (/usr/bin/nvidia-ctk)");
    }

    @Test
    void toolkitMissingFailsWithTheInstallGuideUnlessCdiServesGpus() {
        Check fail = check(new ToolkitInstalledCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"),
                engine(GpuPath.NONE)));
        Check warn = check(new ToolkitInstalledCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"),
                engine(GpuPath.CDI)));

        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.remedy()).contains(Remedies.TOOLKIT_INSTALL_GUIDE)
                .contains("sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker");
        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.message()).contains("CDI");
    }

    @Test
    void toolkitMissingWithSnapDockerPointsAtTheSnap() {
        ContainerToolkit snap = new ContainerToolkit(List.of(), null, null, null, false, null, null, List.of(),
                List.of(), "", "", true, null);

        Check c = check(new ToolkitInstalledCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(snap, "host-files"),
                engine(GpuPath.NONE)));

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.remedy()).contains("sudo snap remove docker");
    }

    @Test
    void toolkitChecksAreSkippedInsideAContainerAndWithDockerDesktop() {
        FactSet inside = facts(h200Container(), H200_DRIVER, Fact.known(NONE, "host-files"), engine(GpuPath.NONE));
        DockerEngine desktop = new DockerEngine("npipe:////./pipe/docker_engine", "28.0.1", "1.48", "1.48", "linux",
                "Docker Desktop", "6.6.87.2-microsoft-standard-WSL2", false, true, List.of("runc"), "runc", List.of(),
                List.of(), "cgroupfs", "2", GpuPath.NVIDIA_RUNTIME, "");
        FactSet viaDesktop = facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"), Fact.known(desktop, "docker"));

        for (ReadinessCheck check : List.of(new ToolkitInstalledCheck(), new NoCgroupsCheck(), new ContainerCliCheck(),
                new ToolkitCgroupV2Check(), new DaemonConfigCheck())) {
            assertThat(check(check, inside).status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(check(check, viaDesktop).status()).isEqualTo(CheckStatus.SKIPPED);
        }
        assertThat(check(new ToolkitInstalledCheck(), inside).message()).contains("inside a docker container");
    }

    // toolkit.no-cgroups, toolkit.container-cli, toolkit.cgroup-v2, toolkit.daemon-config

    @Test
    void noCgroupsTrueWarnsExceptForRootlessDocker() {
        ContainerToolkit t = new ContainerToolkit(INSTALLED.binaries(), "/etc/nvidia-container-runtime/config.toml",
                true, null, false, null, null, List.of());

        Check rootful = check(new NoCgroupsCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));
        Check rootless = check(new NoCgroupsCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"),
                Fact.known(rootless(), "docker")));

        assertThat(rootful.status()).isEqualTo(CheckStatus.WARN);
        assertThat(rootful.message()).contains("D5c");
        assertThat(rootful.remedy()).contains("no-cgroups = false");
        assertThat(rootless.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aHookWithoutTheCliWarnsLikeTheH200Capture() {
        ContainerToolkit h200 = new ContainerToolkit(List.of(
                new Binary("nvidia-container-runtime-hook", "/usr/local/bin/nvidia-container-runtime-hook", ""),
                new Binary("nvidia-ctk", "/usr/local/bin/nvidia-ctk", "1.18.0")), null, null, null, true, null, true,
                List.of(), List.of(), "", "auto", false, null);

        Check c = check(new ContainerCliCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(h200, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));

        assertThat(c.status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.message()).contains("couldn't find binary nvidia-container-cli in PATH");
        assertThat(check(new ContainerCliCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(INSTALLED, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME))).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anOldToolkitOnCgroupV2Fails() {
        ContainerToolkit old = toolkit(List.of(new Binary("nvidia-ctk", "/usr/bin/nvidia-ctk", "1.4.0")), false, null);

        Check fail = check(new ToolkitCgroupV2Check(), facts(OUTSIDE, H200_DRIVER, Fact.known(old, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));
        Check pass = check(new ToolkitCgroupV2Check(), facts(OUTSIDE, H200_DRIVER, Fact.known(INSTALLED, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));

        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.message()).contains("1.4.0").contains("1.8.0");
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void defaultRuntimeNvidiaWithoutTheRuntimeIsD2() {
        ContainerToolkit t = new ContainerToolkit(INSTALLED.binaries(), null, null, "/etc/docker/daemon.json", false,
                "nvidia", null, List.of());

        Check c = check(new DaemonConfigCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"),
                engine(GpuPath.NONE)));

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.message()).contains("unknown or invalid runtime name: nvidia");
        assertThat(c.remedy()).isEqualTo("sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker");
    }

    @Test
    void aRegisteredRuntimeTheEngineDoesNotListMeansNoRestart() {
        ContainerToolkit t = new ContainerToolkit(INSTALLED.binaries(), null, null, "/etc/docker/daemon.json", true,
                null, null, List.of());

        Check c = check(new DaemonConfigCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"),
                engine(GpuPath.NONE)));

        assertThat(c.status()).isEqualTo(CheckStatus.WARN);
        assertThat(c.remedy()).isEqualTo("sudo systemctl restart docker");
    }

    @Test
    void anUnreadableDaemonJsonFails() {
        ContainerToolkit t = new ContainerToolkit(List.of(), null, null, "/etc/docker/daemon.json", false, null, null,
                List.of(), List.of(), "not valid JSON: Unexpected end-of-input", "", false, null);

        Check c = check(new DaemonConfigCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.message()).contains("Unexpected end-of-input");
    }

    // docker.reachable

    @Test
    void dockerReachability() {
        assertThat(reachable(engine(GpuPath.NONE)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(reachable(engine(GpuPath.NONE)).message()).contains("26.1.5").contains("unix:///var/run/docker.sock");

        Check absent = reachable(absent());
        assertThat(absent.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(absent.blocksReadiness()).isTrue();
        assertThat(absent.remedy()).contains("io.github.gpuenv:gpuenv-docker");

        Check notFound = reachable(Fact.unknown(Reason.NOT_FOUND, "unix:///var/run/docker.sock: no such file"));
        assertThat(notFound.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(notFound.message()).startsWith("Docker Engine not running or not installed");
        assertThat(notFound.remedy()).contains("sudo systemctl start docker");

        Check denied = reachable(Fact.unknown(Reason.PERMISSION_DENIED, "unix:///var/run/docker.sock"));
        assertThat(denied.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(denied.remedy()).startsWith("`sudo usermod -aG docker $USER`");

        assertThat(reachable(Fact.unknown(Reason.TIMED_OUT, "3000 ms")).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachable(Fact.unknown(Reason.SKIPPED, "docker skipped by option")).status())
                .isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void dockerNotFoundInsideAContainerSuggestsTheSocket() {
        Check c = check(new DockerReachableCheck(), facts(h200Container(), H200_DRIVER, noToolkit(),
                Fact.unknown(Reason.NOT_FOUND, "no socket")));

        assertThat(c.remedy()).contains("/var/run/docker.sock:/var/run/docker.sock");
    }

    // docker.gpu-path

    @Test
    void gpuPathPassesForRuntimeCdiAndVerified() {
        Fact<ContainerToolkit> installed = Fact.known(INSTALLED, "host-files");
        for (GpuPath path : List.of(GpuPath.NVIDIA_RUNTIME, GpuPath.CDI, GpuPath.VERIFIED)) {
            assertThat(check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, installed, engine(path))).status())
                    .isEqualTo(CheckStatus.PASS);
        }
        assertThat(check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, installed, engine(GpuPath.CDI)))
                .message()).startsWith("served by CDI devices nvidia.com/gpu=all");
    }

    @Test
    void theRuntimeWithoutTheHookExplainsWhatGpusNeeds() {
        ContainerToolkit ctkOnly = toolkit(List.of(new Binary("nvidia-ctk", "/usr/bin/nvidia-ctk", "1.17.3")), true, null);

        Check c = check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(ctkOnly, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));

        assertThat(c.status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.message()).contains("nvidia-container-runtime-hook on dockerd's PATH");
    }

    @Test
    void noGpuPathRemedyFollowsTheSituation() {
        ContainerToolkit configuredNotRestarted = toolkit(INSTALLED.binaries(), true, null);
        ContainerToolkit notConfigured = toolkit(INSTALLED.binaries(), false, null);

        assertThat(gpuPathRemedy(configuredNotRestarted, engine(GpuPath.NONE)))
                .contains("not picked it up").endsWith("`sudo systemctl restart docker`");
        assertThat(gpuPathRemedy(notConfigured, engine(GpuPath.NONE)))
                .contains("sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker");
        assertThat(gpuPathRemedy(NONE, engine(GpuPath.NONE))).contains(Remedies.TOOLKIT_INSTALL_GUIDE)
                .doesNotContain("gpuenv cdi generate");
        assertThat(gpuPathRemedy(NONE, Fact.known(withCdi(engine(GpuPath.NONE).value()), "docker")))
                .contains("gpuenv cdi generate --output /etc/cdi/nvidia.json");
        assertThat(gpuPathRemedy(notConfigured, Fact.known(rootless(), "docker")))
                .contains("--config=$HOME/.config/docker/daemon.json");
        Check fail = check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"),
                engine(GpuPath.NONE)));
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fail.message()).contains("could not select device driver");
    }

    @Test
    void podmanIsNamedAndItsGpuPathRemedyIsACdiSpec() {
        DockerEngine podman = new DockerEngine("unix:///run/podman/podman.sock", "5.4.2", "1.41", "1.41", "linux",
                "debian", "6.12.0", false, false, List.of("crun", "runc"), "crun", List.of("/etc/cdi", "/var/run/cdi"),
                List.of(), "systemd", "2", GpuPath.NONE, "no nvidia.com/gpu spec in /etc/cdi, /var/run/cdi",
                DockerEngine.Product.PODMAN);
        Fact<DockerEngine> fact = Fact.known(podman, "docker");
        assertThat(reachable(fact).message()).startsWith("Podman 5.4.2 (Docker-compatible API 1.41) at unix://");

        Check path = check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(INSTALLED, "host-files"),
                fact));
        assertThat(path.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(path.message()).contains("Podman serves GPUs only as CDI devices", "ignores `--gpus all`")
                .doesNotContain("could not select device driver");
        assertThat(path.remedy()).contains("gpuenv cdi generate --output /etc/cdi/nvidia.json")
                .doesNotContain("runtime configure");

        // daemon.json configures dockerd, not Podman: its runtimes say nothing about a missed restart
        ContainerToolkit t = new ContainerToolkit(INSTALLED.binaries(), null, null, "/etc/docker/daemon.json", true,
                null, null, List.of());
        assertThat(check(new DaemonConfigCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(t, "host-files"), fact))
                .status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void gpuPathIsAnUnknownThatDoesNotBlockWhenDockerIsUnknown() {
        Check c = check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"), absent()));

        assertThat(c.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(c.blocksReadiness()).isFalse();
    }

    // docker.cdi-spec, docker.cgroup-driver

    @Test
    void cdiOnWithoutAnNvidiaSpecWarns() {
        Fact<DockerEngine> cdiOn = Fact.known(withCdi(engine(GpuPath.NONE).value()), "docker");
        ContainerToolkit withSpec = toolkit(INSTALLED.binaries(), true, new CdiSpec("/etc/cdi/nvidia.yaml",
                "nvidia.com/gpu", List.of("nvidia.com/gpu=0", "nvidia.com/gpu=all")));

        Check warn = check(new CdiSpecCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"), cdiOn));
        Check pass = check(new CdiSpecCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(withSpec, "host-files"), cdiOn));
        Check off = check(new CdiSpecCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"),
                engine(GpuPath.NONE)));

        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.remedy()).contains("gpuenv cdi generate").contains("nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml");
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.message()).contains("nvidia.com/gpu=all");
        assertThat(off.status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void systemdCgroupDriverWithoutDevCharSymlinksWarns() {
        ContainerToolkit noLinks = new ContainerToolkit(INSTALLED.binaries(), null, null, null, true, null, null,
                List.of(), List.of(), "", "", false, false);
        ContainerToolkit links = new ContainerToolkit(INSTALLED.binaries(), null, null, null, true, null, null,
                List.of(), List.of(), "", "", false, true);

        Check warn = check(new CgroupDriverCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(noLinks, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));
        Check pass = check(new CgroupDriverCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(links, "host-files"),
                engine(GpuPath.NVIDIA_RUNTIME)));
        Check cdi = check(new CgroupDriverCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(noLinks, "host-files"),
                engine(GpuPath.CDI)));

        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.remedy()).contains("sudo nvidia-ctk system create-dev-char-symlinks --create-all");
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(cdi.status()).isEqualTo(CheckStatus.PASS);
    }

    // helpers

    private static Check check(ReadinessCheck check, FactSet facts) {
        return check.evaluate(facts, OPTIONS);
    }

    private static Check reachable(Fact<DockerEngine> docker) {
        return check(new DockerReachableCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(NONE, "host-files"), docker));
    }

    private static String gpuPathRemedy(ContainerToolkit toolkit, Fact<DockerEngine> docker) {
        Check c = check(new DockerGpuPathCheck(), facts(OUTSIDE, H200_DRIVER, Fact.known(toolkit, "host-files"), docker));
        assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
        return c.remedy();
    }

    @Test
    void insideAContainerThatRunsItsOwnDockerdTheToolkitChecksApply() {
        ContainerEnvironment c = h200Container().value();
        Fact<ContainerEnvironment> withEngine = Fact.known(new ContainerEnvironment(true, "docker", c.visibleDevices(),
                c.driverCapabilities(), c.requireCuda(), c.cudaVersion(), c.evidence(), true), "markers");
        FactSet facts = facts(withEngine, Fact.unknown(Reason.NOT_FOUND, "n/a"), noToolkit(), engine(GpuPath.CDI));

        Check installed = check(new ToolkitInstalledCheck(), facts);
        assertThat(installed.status()).isEqualTo(CheckStatus.WARN);
        assertThat(check(new ToolkitInstalledCheck(), facts(h200Container(), Fact.unknown(Reason.NOT_FOUND, "n/a"),
                noToolkit(), engine(GpuPath.CDI))).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    private static FactSet facts(Fact<ContainerEnvironment> container, Fact<NvidiaDriver> nvidia,
                                 Fact<ContainerToolkit> toolkit, Fact<DockerEngine> docker) {
        return new FactSet(Fact.unknown(Reason.NOT_FOUND, "not probed"), Fact.unknown(Reason.NOT_APPLICABLE, "linux"),
                Fact.unknown(Reason.NOT_APPLICABLE, "not WSL"), Fact.unknown(Reason.MODULE_ABSENT, "no wsl"), nvidia,
                container, toolkit, docker);
    }

    private static Fact<ContainerEnvironment> h200Container() {
        return Fact.known(new ContainerEnvironment(true, "docker", "0", "compute,graphics,utility",
                NvidiaRequireCudaParser.parse(H200.requireCuda()), "13.0.2", List.of("/.dockerenv exists")), "markers");
    }

    private static Fact<ContainerToolkit> noToolkit() {
        return Fact.known(NONE, "host-files");
    }

    private static Fact<DockerEngine> absent() {
        return Fact.unknown(Reason.MODULE_ABSENT, "module absent: add gpuenv-docker");
    }

    private static Fact<DockerEngine> engine(GpuPath path) {
        List<String> runtimes = path == GpuPath.NVIDIA_RUNTIME ? List.of("io.containerd.runc.v2", "nvidia", "runc")
                : List.of("io.containerd.runc.v2", "runc");
        List<String> cdiDevices = path == GpuPath.CDI ? List.of("nvidia.com/gpu=all") : List.of();
        return Fact.known(new DockerEngine("unix:///var/run/docker.sock", "26.1.5", "1.45", "1.45", "linux",
                "Debian GNU/Linux 13 (trixie)", "6.8.0", false, false, runtimes, "runc",
                path == GpuPath.CDI ? List.of("/etc/cdi", "/var/run/cdi") : List.of(), cdiDevices, "systemd", "2",
                path, ""), "docker");
    }

    private static DockerEngine withCdi(DockerEngine e) {
        return new DockerEngine(e.endpoint(), e.serverVersion(), e.apiVersion(), e.negotiatedApiVersion(), e.osType(),
                e.operatingSystem(), e.kernelVersion(), e.rootless(), e.dockerDesktop(), e.runtimes(), e.defaultRuntime(),
                List.of("/etc/cdi", "/var/run/cdi"), List.of(), e.cgroupDriver(), e.cgroupVersion(), e.gpuPath(),
                e.gpuPathDetail());
    }

    private static DockerEngine rootless() {
        DockerEngine e = engine(GpuPath.NONE).value();
        return new DockerEngine("unix:///run/user/1000/docker.sock", e.serverVersion(), e.apiVersion(),
                e.negotiatedApiVersion(), e.osType(), e.operatingSystem(), e.kernelVersion(), true, false, e.runtimes(),
                e.defaultRuntime(), List.of(), List.of(), e.cgroupDriver(), e.cgroupVersion(), GpuPath.NONE, "");
    }

    private static ContainerToolkit toolkit(List<Binary> binaries, boolean nvidiaRuntime, CdiSpec spec) {
        return new ContainerToolkit(binaries, null, null, nvidiaRuntime ? "/etc/docker/daemon.json" : null,
                nvidiaRuntime, null, null, spec == null ? List.of() : List.of(spec));
    }
}
