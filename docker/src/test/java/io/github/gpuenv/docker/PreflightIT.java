package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.core.DockerClientConfig;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.testing.TcpToUnixProxy;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.docker.testing.TestImages;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.testing.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preflight on the real engines (Engine 20.10, Engine 26.1 with CDI, the toolkit-hook engine), whose host is said
 * to be the H200 host of the capture {@code h200-gpuenv-capture} (driver 580.159.04, CUDA 13.0, one H200
 * {@code GPU-3c9660b5-…}) through {@code ConnectOptions.Builder.engineHostFacts} — or, for the cases that must not be
 * judged, is not. "Nothing created" is the engine's own word: its event stream shows no {@code create} of a
 * container with this test's label, over the whole attempt (a container created and removed at once would show);
 * the cases that let the engine answer show that stream does see their creates.
 */
class PreflightIT {

    static final String LABEL = "gpuenv-test.preflight";
    static final String H200_GPU = "0: NVIDIA H200 GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf";
    static DetectOptions h200;

    @BeforeAll
    static void h200(@TempDir Path dir) throws Exception {
        h200 = MachineCapture.replayOptions(Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"))).build();
    }

    static Stream<String> allEngines() {
        return Stream.of(TestEngines.ENGINE20, TestEngines.ENGINE26, TestEngines.HOOK);
    }

    /** An image on {@code host} whose configuration requires CUDA 99 (built once per engine). */
    static String cuda99(String host) {
        return TestImages.build(host, "gpuenv/preflight:cuda99", "FROM " + TestEngines.image()
                + "\nENV NVIDIA_REQUIRE_CUDA=cuda>=99.0\nLABEL io.github.gpuenv.test=preflight\n");
    }

    /** The engine at {@code variable}, its host said to be the H200 capture's. */
    static DockerGpu onTheH200(String variable) {
        return DockerGpu.connect(ConnectOptions.builder().environment(TestEngines.environment(
                TestEngines.require(variable))).removeLeftovers(false).engineHostFacts(h200).build());
    }

    /** A run of {@code image} marked with this attempt's label. */
    static RunOptions.Builder run(String image, String mark) {
        return RunOptions.builder(image).pullPolicy(PullPolicy.NEVER).command("true").label(LABEL, mark);
    }

    /** The engine's {@code create} events of containers labelled {@code mark} since {@code since}. */
    static List<String> creates(String host, Instant since, String mark) {
        return TestEngines.createEvents(host, since, LABEL, mark);
    }

    /** Containers labelled {@code mark} now on the engine. */
    static List<String> containers(String host, String mark) {
        String filter = "{\"label\":[\"" + LABEL + "=" + mark + "\"]}";
        return java.util.regex.Pattern.compile("\"Id\":\"([0-9a-f]{64})\"").matcher(TestEngines.get(host,
                "/containers/json?all=1&filters=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))).results()
                .map(m -> m.group(1)).toList();
    }

    /** Runs {@code options}; asserts it is refused with {@code type}, and that the engine created nothing. */
    static <T extends DockerGpuException> T refusedWithNothingCreated(DockerGpu docker, String host,
                                                                    RunOptions.Builder options, Class<T> type) {
        String mark = UUID.randomUUID().toString();
        Instant since = Instant.now();
        assertThat(containers(host, mark)).isEmpty();
        Throwable thrown = catchThrowable(() -> docker.run(options.label(LABEL, mark).build()));
        assertThat(thrown).isInstanceOf(type);
        assertThat(((DockerGpuException) thrown).attempted()).startsWith("preflight of a run of ");
        assertThat(creates(host, since, mark)).as("create events").isEmpty();
        assertThat(containers(host, mark)).isEmpty();
        return type.cast(thrown);
    }

    /** Runs {@code options} and returns what happened; asserts the engine was asked to create the container. */
    static Object engineAnswered(DockerGpu docker, String host, RunOptions.Builder options) {
        String mark = UUID.randomUUID().toString();
        Instant since = Instant.now();
        Object outcome;
        try {
            outcome = docker.run(options.label(LABEL, mark).build());
        } catch (DockerGpuException e) {
            assertThat(e.attempted()).doesNotStartWith("preflight");
            outcome = e;
        }
        assertThat(creates(host, since, mark)).as("create events").hasSize(1);
        assertThat(containers(host, mark)).as("removed after the run").isEmpty();
        return outcome;
    }

    @ParameterizedTest
    @MethodSource("allEngines")
    void aCudaRequirementTheDriverCannotMeetIsRefusedAndNothingIsCreated(String variable) {
        String host = TestEngines.require(variable);
        try (DockerGpu docker = onTheH200(variable)) {
            CudaRequirementUnsatisfiedException e = refusedWithNothingCreated(docker, host,
                    run(cuda99(host), "").gpus(GpuRequest.all()), CudaRequirementUnsatisfiedException.class);
            assertThat(e.getMessage()).contains("requires NVIDIA_REQUIRE_CUDA=cuda>=99.0: unsatisfied condition:"
                    + " cuda>=99.0 on GPU 0 (NVIDIA H200, compute capability 9.0) — the engine host's driver 580.159.04"
                    + " supports CUDA 13.0");
            assertThat(e.remedy()).contains("CUDA ≤ 13.0").contains("NVIDIA_DISABLE_REQUIRE=1");
        }
    }

    @Test
    void onPodmanTheCdiSelectionAndTheRequirementAreJudgedToo() {
        String podman = TestEngines.require(TestEngines.PODMAN);
        try (DockerGpu docker = onTheH200(TestEngines.PODMAN)) {
            refusedWithNothingCreated(docker, podman, run(cuda99(podman), "").gpus(GpuRequest.all()),
                    CudaRequirementUnsatisfiedException.class);
            GpuSelectionInvalidException e = refusedWithNothingCreated(docker, podman, run(TestEngines.image(), "")
                    .gpus(GpuRequest.devices("7")), GpuSelectionInvalidException.class);
            assertThat(e.getMessage()).contains("nvidia.com/gpu=7: this host has no GPU 7")
                    .contains("the engine's host has 1 GPU: " + H200_GPU);
            LaunchPlan plan = docker.plan(run(TestEngines.image(), "podman").gpus(GpuRequest.all()).build());
            assertThat(plan.attach()).isEqualTo(Attach.CDI);
            assertThat(plan.cdiDevices()).containsExactly("nvidia.com/gpu=all");
            assertThat(plan.refused()).isFalse();
            // the event stream sees a run that preflight lets through
            Object outcome = engineAnswered(docker, podman, run(TestEngines.image(), ""));
            assertThat(((RunResult) outcome).exitCode()).isZero();
        }
    }

    @Test
    void withoutPreflightTheEngineAnswers() {
        String hook = TestEngines.require(TestEngines.HOOK);
        try (DockerGpu docker = onTheH200(TestEngines.HOOK)) {
            // the stand-in toolkit hook enforces nothing: the run goes through
            Object outcome = engineAnswered(docker, hook, run(cuda99(hook), "").gpus(GpuRequest.all()).preflight(false));
            assertThat(outcome).isInstanceOf(RunResult.class);
            assertThat(((RunResult) outcome).exitCode()).isZero();
        }
        String e26 = TestEngines.require(TestEngines.ENGINE26);
        try (DockerGpu docker = onTheH200(TestEngines.ENGINE26)) {
            // Engine 26.1 without an NVIDIA spec: the engine's own answer, the one issue #10 found misleading
            Object outcome = engineAnswered(docker, e26, run(cuda99(e26), "").gpus(GpuRequest.all())
                    .attach(Attach.CDI).preflight(false));
            assertThat(outcome).isInstanceOf(CdiDeviceUnresolvableException.class);
        }
    }

    @Test
    void nvidiaDisableRequireLetsItThrough() {
        String hook = TestEngines.require(TestEngines.HOOK);
        try (DockerGpu docker = onTheH200(TestEngines.HOOK)) {
            Object outcome = engineAnswered(docker, hook, run(cuda99(hook), "").gpus(GpuRequest.all())
                    .env("NVIDIA_DISABLE_REQUIRE", "1").command("printenv", "NVIDIA_REQUIRE_CUDA"));
            assertThat(outcome).isInstanceOf(RunResult.class);
            assertThat(((RunResult) outcome).stdout()).isEqualTo("cuda>=99.0\n");
            // Go's ParseBool takes no "yes": still refused, as the toolkit would
            refusedWithNothingCreated(docker, hook, run(cuda99(hook), "").gpus(GpuRequest.all())
                    .env("NVIDIA_DISABLE_REQUIRE", "yes"), CudaRequirementUnsatisfiedException.class);
        }
    }

    @Test
    void anEnvironmentOverrideOfTheRequirementIsHonoured() {
        String hook = TestEngines.require(TestEngines.HOOK);
        try (DockerGpu docker = onTheH200(TestEngines.HOOK)) {
            Object emptied = engineAnswered(docker, hook, run(cuda99(hook), "").gpus(GpuRequest.all())
                    .env("NVIDIA_REQUIRE_CUDA", ""));
            assertThat(((RunResult) emptied).exitCode()).isZero();
            Object lowered = engineAnswered(docker, hook, run(cuda99(hook), "").gpus(GpuRequest.all())
                    .env("NVIDIA_REQUIRE_CUDA", "cuda>=12.0"));
            assertThat(((RunResult) lowered).exitCode()).isZero();
            // and an override may require more than the image does
            refusedWithNothingCreated(docker, hook, run(TestEngines.image(), "").gpus(GpuRequest.all())
                    .env("NVIDIA_REQUIRE_CUDA", "cuda>=13.1"), CudaRequirementUnsatisfiedException.class);
        }
    }

    static Stream<String> cdiAndToolkitEngines() {
        return Stream.of(TestEngines.ENGINE26, TestEngines.HOOK);
    }

    /** DockerGpu.start is checked as run is, with the same engine host facts: a selection the host lacks. */
    @ParameterizedTest
    @MethodSource("cdiAndToolkitEngines")
    void aDetachedStartIsRefusedAsARunIs(String variable) {
        String host = TestEngines.require(variable);
        Attach attach = variable.equals(TestEngines.ENGINE26) ? Attach.CDI : Attach.TOOLKIT;
        try (DockerGpu docker = onTheH200(variable)) {
            String mark = UUID.randomUUID().toString();
            Instant since = Instant.now();
            Throwable thrown = catchThrowable(() -> docker.start(run(TestEngines.image(), "").command("sleep", "30")
                    .gpus(GpuRequest.devices("7")).attach(attach).label(LABEL, mark).build()));
            assertThat(thrown).isInstanceOf(GpuSelectionInvalidException.class)
                    .hasMessageContaining("the engine's host has 1 GPU: " + H200_GPU);
            assertThat(creates(host, since, mark)).as("create events").isEmpty();
            assertThat(containers(host, mark)).isEmpty();
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("cdiAndToolkitEngines")
    void selectionsTheHostLacksAreRefusedListingItsGpus(String variable) {
        String host = TestEngines.require(variable);
        Attach attach = variable.equals(TestEngines.ENGINE26) ? Attach.CDI : Attach.TOOLKIT;
        try (DockerGpu docker = onTheH200(variable)) {
            for (GpuRequest bad : List.of(GpuRequest.devices("7"), GpuRequest.count(2),
                    GpuRequest.devices("GPU-00000000-0000-0000-0000-000000000000"))) {
                GpuSelectionInvalidException e = refusedWithNothingCreated(docker, host,
                        run(TestEngines.image(), "").gpus(bad).attach(attach), GpuSelectionInvalidException.class);
                assertThat(e.getMessage()).as(bad.toString()).contains("the engine's host has 1 GPU: " + H200_GPU);
            }
            // without preflight the engine answers for itself: the CDI registry (device=7 is no CDI device), or the
            // stand-in hook, which serves any id
            Object outcome = engineAnswered(docker, host, run(TestEngines.image(), "").gpus(GpuRequest.devices("7"))
                    .attach(attach).preflight(false));
            if (attach == Attach.CDI) {
                assertThat(outcome).isInstanceOf(CdiDeviceUnresolvableException.class);
                assertThat(((DockerGpuException) outcome).getMessage()).contains("nvidia.com/gpu=7");
            } else {
                assertThat(((RunResult) outcome).exitCode()).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allEngines")
    void aDryRunCreatesNothingAndShowsTheRequest(String variable) throws Exception {
        String host = TestEngines.require(variable);
        String mark = UUID.randomUUID().toString();
        Instant since = Instant.now();
        try (DockerGpu docker = onTheH200(variable)) {
            LaunchPlan toolkit = docker.plan(run(TestEngines.image(), mark).gpus(GpuRequest.parse(
                    "\"device=0\",\"capabilities=compute,utility\"")).attach(Attach.TOOLKIT).build());
            assertThat(toolkit.deviceRequests()).containsExactly(new LaunchPlan.DeviceRequest("", 0, List.of("0"),
                    List.of(List.of("compute", "utility", "gpu")), java.util.Map.of()));
            assertThat(toolkit.cdiDevices()).isEmpty();
            assertThat(toolkit.refused()).isFalse();
            LaunchPlan cdi = docker.plan(run(TestEngines.image(), mark).gpus(GpuRequest.all()).attach(Attach.CDI)
                    .build());
            assertThat(cdi.cdiDevices()).containsExactly("nvidia.com/gpu=all");
            assertThat(cdi.deviceRequests()).singleElement().satisfies(r -> assertThat(r.driver()).isEqualTo("cdi"));
            LaunchPlan refused = docker.plan(run(cuda99(host), mark).gpus(GpuRequest.all()).build());
            assertThat(refused.refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class);
            assertThat(refused.environment()).isEmpty();
            assertThat(refused.labels()).containsEntry(LABEL, mark).containsEntry("io.github.gpuenv.managed", "true");
            assertThat(refused.command()).containsExactly("true");
            assertThat(refused.toText()).contains("preflight.require-cuda").contains("refused");
            JsonNode json = new ObjectMapper().readTree(refused.toJson());
            assertThat(json.path("refusal").path("type").asText()).isEqualTo("CudaRequirementUnsatisfiedException");
            assertThat(json.path("createRequest").path("HostConfig").path("DeviceRequests").get(0).path("Count")
                    .asInt()).isEqualTo(-1);
            assertThat(json.path("createRequest").path("Image").asText()).isEqualTo(cuda99(host));
        }
        assertThat(creates(host, since, mark)).as("create events of the dry runs").isEmpty();
    }

    @Test
    void thePlanIsTheRequestTheRunSends() throws Exception {
        String hook = TestEngines.require(TestEngines.HOOK);
        AtomicReference<CreateContainerCmd> sent = new AtomicReference<>();
        try (DockerGpu docker = onTheH200(TestEngines.HOOK)) {
            RunOptions options = run(TestEngines.image(), "same").gpus(GpuRequest.devices("0"))
                    .env("A", "1").withCreateContainerCmdModifier(sent::set).build();
            LaunchPlan plan = docker.plan(options);
            assertThat(docker.run(options).exitCode()).isZero();
            ObjectMapper mapper = DockerClientConfig.getDefaultObjectMapper();
            ObjectNode planned = (ObjectNode) mapper.readTree(plan.createRequest());
            ObjectNode ran = (ObjectNode) mapper.readTree(mapper.writeValueAsString(sent.get()));
            for (ObjectNode request : List.of(planned, ran)) {
                ((ObjectNode) request.get("Labels")).remove("io.github.gpuenv.run-id");
            }
            assertThat(planned).isEqualTo(ran);
            assertThat(planned.path("HostConfig").path("DeviceRequests").toString()).contains("\"DeviceIDs\":[\"0\"]");
        } finally {
            TestEngines.assertNoManagedContainers(hook);
        }
    }

    @Test
    void aRemoteEngineIsNotJudgedByThisMachinesFacts() throws Exception {
        String e26 = TestEngines.require(TestEngines.ENGINE26);
        String image = cuda99(e26);
        try (TcpToUnixProxy proxy = TcpToUnixProxy.start(e26);
             DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().dockerHost(proxy.endpoint())
                     .removeLeftovers(false).hostFacts(h200).build())) {
            LaunchPlan plan = docker.plan(run(image, "remote").gpus(GpuRequest.all()).build());
            Check facts = plan.checks().stream().filter(c -> c.id().equals("preflight.host-facts")).findFirst()
                    .orElseThrow();
            assertThat(facts.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(facts.message()).contains("the engine at " + proxy.endpoint() + " may run on another machine");
            assertThat(plan.refused()).isFalse();
            Object outcome = engineAnswered(docker, e26, run(image, "").gpus(GpuRequest.all()));
            assertThat(outcome).isInstanceOf(DockerGpuException.class); // no GPU path on this engine: its own answer
        }
    }

    @Test
    void aLocalSocketWhoseHostIsNotTheFactsMachineIsNotJudgedByThem() {
        String e26 = TestEngines.require(TestEngines.ENGINE26);
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().dockerHost(e26).removeLeftovers(false)
                .hostFacts(h200).build())) {
            LaunchPlan plan = docker.plan(run(cuda99(e26), "kernel").gpus(GpuRequest.devices("7")).build());
            assertThat(plan.refused()).isFalse();
            assertThat(plan.checks()).anySatisfy(c -> {
                assertThat(c.id()).isEqualTo("preflight.host-facts");
                assertThat(c.message()).contains("is not this machine's (6.18.44-fc-v973-gpu)");
            });
        }
    }

    @Test
    void thisMachinesOwnFactsRefuseNothingTheyDoNotKnow() {
        String e26 = TestEngines.require(TestEngines.ENGINE26);
        org.junit.jupiter.api.Assumptions.assumeFalse(GpuEnv.nvidia(DetectOptions.defaults()).isKnown(),
                "this machine has an NVIDIA driver: its facts are known");
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().dockerHost(e26).removeLeftovers(false)
                .build())) {
            LaunchPlan plan = docker.plan(run(cuda99(e26), "local").gpus(GpuRequest.devices("7")).build());
            assertThat(plan.refused()).isFalse();
            assertThat(plan.checks()).filteredOn(c -> c.id().equals("preflight.host-facts")).singleElement()
                    .satisfies(c -> assertThat(c.status()).isIn(CheckStatus.UNKNOWN, CheckStatus.SKIPPED));
            assertThat(plan.checks()).filteredOn(c -> c.id().equals("preflight.require-cuda")).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.SKIPPED));
        }
    }

    @Test
    void anImageForAnotherArchitectureIsRefusedWithGpus() {
        String e26 = TestEngines.require(TestEngines.ENGINE26);
        String arm = TestImages.importTar(e26, "gpuenv/preflight", "arm64", "linux/arm64");
        try (DockerGpu docker = onTheH200(TestEngines.ENGINE26)) {
            ImagePlatformMismatchException e = refusedWithNothingCreated(docker, e26, run(arm, "")
                    .gpus(GpuRequest.all()), ImagePlatformMismatchException.class);
            assertThat(e.getMessage()).contains("built for linux/arm64; the engine's host is linux/amd64");
            LaunchPlan withoutGpus = docker.plan(run(arm, "arm").build());
            assertThat(withoutGpus.refused()).isFalse();
            assertThat(withoutGpus.checks()).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo(CheckStatus.WARN);
                assertThat(c.message()).contains("emulation");
            });
        }
    }

    @Test
    void aPreflightOfTheCaptureHostsOwnImageEnvironmentPasses() {
        String hook = TestEngines.require(TestEngines.HOOK);
        String image = TestImages.build(hook, "gpuenv/preflight:cuda13", "FROM " + TestEngines.image()
                + "\nENV NVIDIA_REQUIRE_CUDA=\"cuda>=13.0 brand=tesla,driver>=570,driver<571\" CUDA_VERSION=13.0.2\n");
        try (DockerGpu docker = onTheH200(TestEngines.HOOK)) {
            LaunchPlan plan = docker.plan(run(image, "cuda13").gpus(GpuRequest.all()).build());
            assertThat(plan.checks()).extracting(Check::status).containsOnly(CheckStatus.PASS);
            assertThat(docker.plan(run(image, "cuda13").gpus(GpuRequest.count(1)).build()).refused()).isFalse();
        }
    }
}
