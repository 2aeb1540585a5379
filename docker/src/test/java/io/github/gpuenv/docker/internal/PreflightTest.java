package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.CudaRequirementUnsatisfiedException;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.GpuSelectionInvalidException;
import io.github.gpuenv.docker.ImagePlatformMismatchException;
import io.github.gpuenv.docker.internal.PreflightFacts.HostFacts;
import io.github.gpuenv.docker.internal.PreflightHostScope.HostScope;
import io.github.gpuenv.docker.internal.PreflightHostScope.Trust;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight's rules end to end on real facts: the H200 host's NVIDIA driver and GPU as its capture replays them
 * (driver 580.159.04, CUDA 13.0, one H200 of compute capability 9.0), Engine 26.1's raw {@code /info}
 * ({@code fixtures/engine-26.1}, x86_64), and image configurations as the engine's inspection gives them.
 */
class PreflightTest {

    static final String H200_UUID = "GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf";
    static Fact<NvidiaDriver> h200;
    static PreflightEngineHost engine26;

    @BeforeAll
    static void facts(@TempDir Path dir) throws Exception {
        Path capture = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"));
        h200 = GpuEnv.nvidia(MachineCapture.replayOptions(capture).build());
        assertThat(h200.value().cudaDriverVersion()).isEqualTo("13.0");
        engine26 = PreflightEngineHost.parse("unix:///run/gpuenv-docker26/docker.sock", false,
                Fixtures.bytes("engine-26.1/info.json"));
    }

    private static HostFacts onTheH200(Trust trust) {
        return new HostFacts(engine26, new HostScope(trust, "test: " + trust), h200);
    }

    private static ImageConfig image(String arch, String... env) {
        Map<String, String> e = new LinkedHashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            e.put(env[i], env[i + 1]);
        }
        return new ImageConfig("test/image:1", "sha256:0", "linux", arch, e, Map.of());
    }

    private static Preflight.Result check(ImageConfig image, GpuRequest gpus, Attach attach, Map<String, String> env,
                                          Optional<HostFacts> facts) {
        return Preflight.evaluate(new Preflight.Input("test/image:1", Optional.ofNullable(image), "linux", gpus,
                gpus == null ? null : attach, env, facts));
    }

    private static Preflight.Result onH200(ImageConfig image, GpuRequest gpus, Map<String, String> env) {
        return check(image, gpus, Attach.CDI, env, Optional.of(onTheH200(Trust.ENGINE_HOST)));
    }

    private static Check check(Preflight.Result r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no check " + id + " in " + r.checks()));
    }

    @Test
    void cuda99IsRefusedWithTheDriversCudaAndTheRemedy() {
        Preflight.Result r = onH200(image("amd64", "NVIDIA_REQUIRE_CUDA", "cuda>=99.0"), GpuRequest.all(), Map.of());
        assertThat(r.refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class);
        assertThat(r.refusal().getMessage()).contains("requires NVIDIA_REQUIRE_CUDA=cuda>=99.0: unsatisfied condition:"
                + " cuda>=99.0 on GPU 0 (NVIDIA H200, compute capability 9.0) — the engine host's driver 580.159.04"
                + " supports CUDA 13.0");
        assertThat(r.refusal().remedy()).contains("CUDA ≤ 13.0").contains("CUDA ≥ 99.0")
                .contains("NVIDIA_DISABLE_REQUIRE=1").contains("--no-preflight");
        assertThat(check(r, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.refusal().attempted()).isEqualTo("preflight of a run of test/image:1");
    }

    @Test
    void theH200sOwnImageRequirementIsMet() {
        String own = "cuda>=13.0 brand=unknown,driver>=535,driver<536 brand=tesla,driver>=570,driver<571";
        Preflight.Result r = onH200(image("amd64", "NVIDIA_REQUIRE_CUDA", own, "CUDA_VERSION", "13.0.2"),
                GpuRequest.all(), Map.of());
        assertThat(r.refusal()).isNull();
        assertThat(check(r, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(r, Preflight.REQUIRE_CUDA).message()).contains("through cuda>=13.0 on GPU 0");
    }

    @Test
    void disableRequireAndEnvironmentOverridesAreHonoured() {
        ImageConfig cuda99 = image("amd64", "NVIDIA_REQUIRE_CUDA", "cuda>=99.0");
        Preflight.Result disabled = onH200(cuda99, GpuRequest.all(), Map.of("NVIDIA_DISABLE_REQUIRE", "1"));
        assertThat(disabled.refusal()).isNull();
        assertThat(check(disabled, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(onH200(cuda99, GpuRequest.all(), Map.of("NVIDIA_DISABLE_REQUIRE", "yes")).refusal())
                .as("Go's ParseBool does not take yes").isInstanceOf(CudaRequirementUnsatisfiedException.class);
        Preflight.Result emptied = onH200(cuda99, GpuRequest.all(), Map.of("NVIDIA_REQUIRE_CUDA", ""));
        assertThat(emptied.refusal()).isNull();
        Preflight.Result lowered = onH200(cuda99, GpuRequest.all(), Map.of("NVIDIA_REQUIRE_CUDA", "cuda>=12.0"));
        assertThat(check(lowered, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.PASS);
        // -e may also add a requirement the image does not have
        assertThat(onH200(image("amd64"), GpuRequest.all(), Map.of("NVIDIA_REQUIRE_DRIVER", "driver>=999"))
                .refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class);
    }

    @Test
    void aLegacyImageIsJudgedByItsCudaVersion() {
        Preflight.Result r = onH200(image("amd64", "CUDA_VERSION", "13.1.0"), GpuRequest.all(), Map.of());
        assertThat(r.refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class);
        assertThat(r.refusal().getMessage()).contains("CUDA_VERSION=13.1.0 (a legacy image without"
                + " NVIDIA_REQUIRE_CUDA: cuda>=13.1)");
        assertThat(onH200(image("amd64", "CUDA_VERSION", "12.4.1"), GpuRequest.all(), Map.of()).refusal()).isNull();
        Check malformed = check(onH200(image("amd64", "CUDA_VERSION", "x.y"), GpuRequest.all(), Map.of()),
                Preflight.REQUIRE_CUDA);
        assertThat(malformed.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void computeCapabilityIsJudgedPerSelectedGpuAsLibnvidiaContainerDoes() {
        assertThat(onH200(image("amd64", "NVIDIA_REQUIRE_ARCH", "arch>=10.0"), GpuRequest.all(), Map.of()).refusal())
                .isInstanceOf(CudaRequirementUnsatisfiedException.class)
                .hasMessageContaining("unsatisfied condition: arch>=10.0 on GPU 0 (NVIDIA H200, compute capability 9.0)");
        assertThat(onH200(image("amd64", "NVIDIA_REQUIRE_CUDA", "cuda>=12.0,arch>=9.0"), GpuRequest.all(), Map.of())
                .refusal()).isNull();
        // two GPUs of different capabilities, each meeting a different alternative: libnvidia-container evaluates
        // per device, so the run is served; judging all GPUs against each alternative at once would refuse it
        NvidiaDriver mixed = new NvidiaDriver("580.159.04", "13.0", "nvml", List.of(
                new GpuDevice(0, "NVIDIA A100", "GPU-a", "00000000:01:00.0", 1L, "8.0", "Disabled"),
                new GpuDevice(1, "NVIDIA H200", "GPU-b", "00000000:02:00.0", 1L, "9.0", "Disabled")));
        HostFacts facts = new HostFacts(engine26, new HostScope(Trust.ENGINE_HOST, "test"), Fact.known(mixed, "test"));
        Preflight.Result perDevice = check(image("amd64", "NVIDIA_REQUIRE_ARCH", "arch>=9.0,cuda>=13 arch<9.0,cuda>=12"),
                GpuRequest.all(), Attach.TOOLKIT, Map.of(), Optional.of(facts));
        assertThat(perDevice.refusal()).isNull();
        assertThat(check(image("amd64", "NVIDIA_REQUIRE_ARCH", "arch>=9.0"), GpuRequest.devices("0"), Attach.TOOLKIT,
                Map.of(), Optional.of(facts)).refusal()).hasMessageContaining("on GPU 0 (NVIDIA A100, compute"
                + " capability 8.0)");
        assertThat(check(image("amd64", "NVIDIA_REQUIRE_ARCH", "arch>=9.0"), GpuRequest.devices("1"), Attach.TOOLKIT,
                Map.of(), Optional.of(facts)).refusal()).isNull();
    }

    @Test
    void aBrandOnlyAlternativeIsNotRefusedForGpuenvDoesNotKnowTheBrand() {
        Preflight.Result r = onH200(image("amd64", "NVIDIA_REQUIRE_CUDA",
                "cuda>=99.0 brand=tesla,driver>=580,driver<581"), GpuRequest.all(), Map.of());
        assertThat(r.refusal()).isNull();
        assertThat(check(r, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.WARN);
        assertThat(check(r, Preflight.REQUIRE_CUDA).message()).contains("brand=tesla,driver>=580,driver<581")
                .contains("GPU brand");
    }

    @Test
    void gpuSelectionsTheHostCannotServeAreRefusedListingItsGpus() {
        for (GpuRequest bad : List.of(GpuRequest.devices("7"), GpuRequest.count(2),
                GpuRequest.devices("GPU-00000000-0000-0000-0000-000000000000"), GpuRequest.cdi("nvidia.com/gpu=7"))) {
            Preflight.Result r = onH200(image("amd64"), bad, Map.of());
            assertThat(r.refusal()).as(bad.toString()).isInstanceOf(GpuSelectionInvalidException.class);
            assertThat(r.refusal().getMessage()).contains("the engine's host has 1 GPU: 0: NVIDIA H200 " + H200_UUID);
            assertThat(r.refusal().remedy()).contains("nvidia-smi -L");
        }
        Preflight.Result fine = onH200(image("amd64"), GpuRequest.devices(H200_UUID), Map.of());
        assertThat(fine.refusal()).isNull();
        assertThat(check(fine, Preflight.GPU_SELECTION).message()).isEqualTo("--gpus device=" + H200_UUID
                + " selects 0: NVIDIA H200 " + H200_UUID);
    }

    @Test
    void theImagesArchitectureIsRefusedWithGpusAndAWarningWithout() {
        Preflight.Result arm = onH200(image("arm64"), GpuRequest.all(), Map.of());
        assertThat(arm.refusal()).isInstanceOf(ImagePlatformMismatchException.class)
                .hasMessageContaining("built for linux/arm64; the engine's host is linux/amd64")
                .hasMessageContaining("docker pull --platform linux/amd64 test/image:1");
        Preflight.Result noGpu = check(image("arm64"), null, null, Map.of(), Optional.of(onTheH200(Trust.ENGINE_HOST)));
        assertThat(noGpu.refusal()).isNull();
        assertThat(check(noGpu, Preflight.PLATFORM).status()).isEqualTo(CheckStatus.WARN);
        Preflight.Result windows = Preflight.evaluate(new Preflight.Input("w:1", Optional.of(new ImageConfig("w:1",
                "", "windows", "amd64", Map.of(), Map.of())), "linux", null, null, Map.of(), Optional.empty()));
        assertThat(windows.refusal()).isInstanceOf(ImagePlatformMismatchException.class)
                .hasMessageContaining("built for windows/amd64; the engine runs linux containers");
        assertThat(check(onH200(image("amd64"), GpuRequest.all(), Map.of()), Preflight.PLATFORM).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(check(onH200(image(""), GpuRequest.all(), Map.of()), Preflight.PLATFORM).status())
                .isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(check(image("arm64"), null, null, Map.of(), Optional.empty()), Preflight.PLATFORM).message())
                .contains("the engine's is not known yet");
    }

    @Test
    void factsThatAreNotTheEngineHostsRefuseNothing() {
        ImageConfig cuda99 = image("amd64", "NVIDIA_REQUIRE_CUDA", "cuda>=99.0");
        HostFacts remote = new HostFacts(engine26, new HostScope(Trust.NONE, "the engine at tcp://x may run elsewhere"),
                Fact.unknown(Reason.NOT_APPLICABLE, "the engine at tcp://x may run elsewhere"));
        for (Optional<HostFacts> facts : List.of(Optional.<HostFacts>empty(), Optional.of(remote),
                Optional.of(new HostFacts(engine26, new HostScope(Trust.ENGINE_HOST, "here"),
                        Fact.unknown(Reason.NOT_FOUND, "no libnvidia-ml.so.1"))))) {
            for (GpuRequest gpus : List.of(GpuRequest.all(), GpuRequest.devices("7"), GpuRequest.count(5))) {
                Preflight.Result r = check(cuda99, gpus, Attach.CDI, Map.of(), facts);
                assertThat(r.refusal()).as("%s %s", gpus, facts).isNull();
                assertThat(check(r, Preflight.HOST_FACTS).status()).isIn(CheckStatus.SKIPPED, CheckStatus.UNKNOWN);
            }
        }
        // the same host's driver, the GPU list maybe a subset: the requirement is judged, the selection is not
        Preflight.Result driverOnly = check(cuda99, GpuRequest.devices("7"), Attach.CDI, Map.of(),
                Optional.of(onTheH200(Trust.DRIVER_ONLY)));
        assertThat(check(driverOnly, Preflight.GPU_SELECTION).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(driverOnly.refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class)
                .hasMessageNotContaining("on GPU");
    }

    @Test
    void anImageTheEngineLacksIsNotJudgedByItsConfiguration() {
        Preflight.Result r = check(null, GpuRequest.all(), Attach.CDI, Map.of(),
                Optional.of(onTheH200(Trust.ENGINE_HOST)));
        assertThat(r.refusal()).isNull();
        assertThat(check(r, Preflight.PLATFORM).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(r, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(r, Preflight.GPU_SELECTION).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void withoutGpusOnlyThePlatformIsChecked() {
        Preflight.Result r = check(image("amd64", "NVIDIA_REQUIRE_CUDA", "cuda>=99.0"), null, null, Map.of(),
                Optional.empty());
        assertThat(r.checks()).extracting(Check::id).containsExactly(Preflight.PLATFORM);
        assertThat(r.refusal()).isNull();
        assertThat(Preflight.off().checks()).extracting(Check::id).containsExactly(Preflight.OFF);
    }

    /** Junk in every variable preflight reads never throws, and every check says something. */
    @Test
    void junkEnvironmentsAlwaysGetAClearAnswer() {
        Random random = new Random(7);
        String alphabet = "cudarivebnt<>=!., 0123456789\u0000\u00e9-_";
        List<String> names = List.of("NVIDIA_REQUIRE_CUDA", "NVIDIA_REQUIRE_X", "CUDA_VERSION", "NVIDIA_DISABLE_REQUIRE");
        for (int n = 0; n < 2000; n++) {
            Map<String, String> env = new LinkedHashMap<>();
            for (String name : names) {
                if (random.nextBoolean()) {
                    StringBuilder v = new StringBuilder();
                    int length = random.nextInt(n % 200 == 0 ? 20_000 : 30);
                    for (int i = 0; i < length; i++) {
                        v.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    env.put(name, v.toString());
                }
            }
            Preflight.Result r = onH200(image("amd64"), GpuRequest.all(), env);
            assertThat(r.checks()).hasSize(4).allSatisfy(c -> assertThat(c.message()).isNotBlank());
            if (r.refusal() != null) {
                assertThat(r.refusal()).isInstanceOf(CudaRequirementUnsatisfiedException.class);
                assertThat(check(r, Preflight.REQUIRE_CUDA).status()).isEqualTo(CheckStatus.FAIL);
            }
        }
    }
}
