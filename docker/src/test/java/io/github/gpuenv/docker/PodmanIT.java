package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.docker.internal.DeviceRequestMapper;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.system.FileView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podman 5.4's Docker-compatible API ({@code .ci/docker-engines.sh}: Debian 13's podman on
 * {@code unix:///run/gpuenv-podman/podman.sock}, CDI specs from {@code GPUENV_TEST_PODMAN_CDI_DIR}, which the service
 * sees as {@code /var/run/cdi}): recognised as Podman by connect and by detection; it drops a {@code --gpus} request
 * without a word, so gpuenv refuses one before creating anything; {@code auto} attaches CDI devices, and without a
 * spec the daemon's refusal is typed.
 */
class PodmanIT {

    /** A fake NVIDIA spec: the kind {@code auto} asks for, a harmless node and a variable. */
    private static final String NVIDIA_SPEC = "{\"cdiVersion\":\"0.5.0\",\"kind\":\"nvidia.com/gpu\",\"devices\":["
            + "{\"name\":\"all\",\"containerEdits\":{\"deviceNodes\":[{\"path\":\"/dev/gpuenv-fake-gpu0\","
            + "\"hostPath\":\"/dev/null\"}]}}],\"containerEdits\":{\"env\":[\"GPUENV_FAKE_GPU=%s\"]}}";

    private static final String MARKER = "gpuenv-test.podman-it";

    @TempDir
    Path temp;
    private Path specFile;

    @AfterEach
    void cleanUp() throws Exception {
        if (specFile != null) {
            Files.deleteIfExists(specFile);
        }
        TestEngines.assertNoManagedContainers(TestEngines.require(TestEngines.PODMAN));
    }

    @Test
    void connectRecognisesPodmanAndItsCdiDirectories() {
        try (DockerGpu docker = TestEngines.connect(TestEngines.PODMAN)) {
            DockerEngine e = docker.engine();
            assertThat(e.product()).isEqualTo(DockerEngine.Product.PODMAN);
            assertThat(e.podman()).isTrue();
            assertThat(e.serverVersion()).matches("5\\.4\\.\\d+.*");
            assertThat(e.apiVersion()).isEqualTo("1.41");
            assertThat(e.negotiatedApiVersion()).isEqualTo("1.41");
            assertThat(e.cdiSpecDirs()).containsExactly("/etc/cdi", "/var/run/cdi");
        }
        try (DockerGpu docker = TestEngines.connect(TestEngines.ENGINE26)) {
            assertThat(docker.engine().product()).isEqualTo(DockerEngine.Product.DOCKER);
        }
    }

    @Test
    void detectionReportsPodmanAndItsGpuPathFromTheSpecsItReads() throws Exception {
        String host = TestEngines.require(TestEngines.PODMAN);
        // this machine as the service sees it in its own mount namespace: /var/run/cdi is its CDI dir, /etc/cdi empty
        FileView live = FileView.rooted(Path.of("/"));
        Path cdiDir = Path.of(TestEngines.require(TestEngines.PODMAN_CDI_DIR));
        Path empty = Files.createDirectory(temp.resolve("empty"));
        FileView asPodmanSeesIt = new FileView() {
            @Override
            public Path resolve(String machinePath) {
                for (String[] m : new String[][] {{"/var/run/cdi", cdiDir.toString()}, {"/etc/cdi", empty.toString()}}) {
                    if (machinePath.equals(m[0]) || machinePath.startsWith(m[0] + "/")) {
                        return Path.of(m[1] + machinePath.substring(m[0].length()));
                    }
                }
                return live.resolve(machinePath);
            }

            @Override
            public Path root() {
                return live.root();
            }
        };
        DetectOptions options = DetectOptions.builder().environment(TestEngines.environment(host))
                .fileView(asPodmanSeesIt).build();

        DockerEngine without = GpuEnv.detect(options).docker().value();
        assertThat(without.product()).isEqualTo(DockerEngine.Product.PODMAN);
        assertThat(without.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(without.gpuPathDetail()).contains("Podman ignores --gpus", "no nvidia.com/gpu spec");

        writeNvidiaSpec("detect");
        GpuEnvReport report = GpuEnv.detect(options);
        DockerEngine with = report.docker().value();
        assertThat(with.endpoint()).isEqualTo(host);
        assertThat(with.serverVersion()).startsWith("5.4.");
        assertThat(with.gpuPath()).isEqualTo(GpuPath.CDI);
        assertThat(with.gpuPathDetail()).contains("/var/run/cdi/" + specFile.getFileName());
        assertThat(report.toJson()).containsPattern("\"product\"\\s*:\\s*\"podman\"")
                .containsPattern("\"gpuPath\"\\s*:\\s*\"cdi\"");
    }

    @Test
    void theProbeContainerIsNotRunOnPodman() {
        String host = TestEngines.require(TestEngines.PODMAN);
        TestEngines.image();
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder().environment(TestEngines.environment(host))
                .probeTimeout(Duration.ofSeconds(10)).dockerProbeContainer(true).build());
        DockerEngine e = report.docker().value();
        // a --gpus all container starts on Podman (without a GPU): its start would "verify" nothing
        assertThat(e.gpuPath()).isNotEqualTo(GpuPath.VERIFIED);
        assertThat(e.gpuPathDetail()).contains("probe container not run: Podman ignores --gpus");
    }

    @Test
    void podmanItselfDropsAGpusRequestWithoutAWord() {
        // the engine behaviour the refusal guards against: the same request gpuenv would send for --gpus all, set
        // through the raw escape hatch, starts a container without any GPU device and without an error
        try (DockerGpu docker = TestEngines.connect(TestEngines.PODMAN)) {
            RunResult r = docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("sh", "-c", "ls /dev; echo started")
                    .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withDeviceRequests(
                            List.of(DeviceRequestMapper.toDeviceRequest(GpuRequest.all()))))
                    .build());
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).contains("started").doesNotContain("nvidia");
        }
    }

    @Test
    void aGpusRequestIsRefusedBeforeAnythingIsCreated() {
        String host = TestEngines.require(TestEngines.PODMAN);
        String marker = UUID.randomUUID().toString();
        long since = System.currentTimeMillis() / 1000 - 1;
        try (DockerGpu docker = TestEngines.connect(TestEngines.PODMAN)) {
            for (GpuRequest request : List.of(GpuRequest.all(), GpuRequest.count(1), GpuRequest.devices("0"))) {
                assertThatThrownBy(() -> docker.run(RunOptions.builder(TestEngines.image())
                        .pullPolicy(PullPolicy.NEVER).command("true").label(MARKER, marker).gpus(request)
                        .attach(Attach.TOOLKIT).build()))
                        .isInstanceOf(GpuRequestIgnoredException.class)
                        .hasMessageContaining("Podman 5.4")
                        .hasMessageContaining("ignores a --gpus device request")
                        .satisfies(e -> assertThat(((GpuRequestIgnoredException) e).remedy())
                                .contains("--attach cdi", "cdi generate"));
            }
            assertThat(createEvents(host, since, marker)).as("containers created for the refused requests").isEmpty();
            // the same query sees a run that does create one
            docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER).command("true")
                    .label(MARKER, marker).build());
            assertThat(createEvents(host, since, marker)).hasSize(1);
        }
    }

    @Test
    void autoAttachesTheNvidiaCdiDevices() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        writeNvidiaSpec(run);
        try (DockerGpu docker = TestEngines.connect(TestEngines.PODMAN)) {
            RunResult r = docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("sh", "-c", "echo $GPUENV_FAKE_GPU; [ -c /dev/gpuenv-fake-gpu0 ] && echo node")
                    .gpus(GpuRequest.all()).build());
            assertThat(r.attach()).isEqualTo(Attach.CDI);
            assertThat(r.stdout()).isEqualTo(run + "\nnode\n");
        }
    }

    @Test
    void autoWithoutAnNvidiaSpecIsTheTypedCdiError() {
        try (DockerGpu docker = TestEngines.connect(TestEngines.PODMAN)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("true").gpus(GpuRequest.all()).build()))
                    .isInstanceOf(CdiDeviceUnresolvableException.class)
                    .hasMessageContaining("unresolvable CDI devices nvidia.com/gpu=all")
                    .satisfies(e -> assertThat(((CdiDeviceUnresolvableException) e).remedy())
                            .contains("nvidia-ctk cdi generate", "/var/run/cdi"));
        }
    }

    private void writeNvidiaSpec(String marker) throws Exception {
        specFile = Path.of(TestEngines.require(TestEngines.PODMAN_CDI_DIR), "gpuenv-podman-it-" + marker + ".json");
        Files.writeString(specFile, String.format(NVIDIA_SPEC, marker), StandardCharsets.UTF_8);
    }

    /** The engine's {@code create} events since {@code since} (epoch seconds) of containers labelled {@code marker}. */
    private static List<String> createEvents(String host, long since, String marker) {
        String filters = URLEncoder.encode("{\"type\":[\"container\"],\"event\":[\"create\"]}", StandardCharsets.UTF_8);
        String body = TestEngines.get(host, "/events?since=" + since + "&until=" + (System.currentTimeMillis() / 1000
                + 1) + "&filters=" + filters);
        return body.lines().filter(l -> l.contains("\"" + MARKER + "\":\"" + marker + "\"")).toList();
    }
}
