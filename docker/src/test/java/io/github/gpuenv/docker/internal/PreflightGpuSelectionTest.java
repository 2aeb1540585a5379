package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.capture.MachineCapture;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.internal.PreflightGpuSelection.Selection;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU selections against the H200 host's GPU as its capture replays it (NVML's answer, {@code
 * h200-gpuenv-capture}), and against an eight-GPU host written here (two GPUs with MIG enabled, one whose MIG mode is
 * not known) for what one GPU cannot show: indices, UUIDs, PCI bus ids and MIG devices as libnvidia-container
 * ({@code src/cli/common.c}, {@code select_devices}) and NVIDIA's CDI specs name them.
 */
class PreflightGpuSelectionTest {

    static final String H200_UUID = "GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf";
    static List<GpuDevice> h200;
    static final List<GpuDevice> EIGHT = eight();

    @BeforeAll
    static void h200(@TempDir Path dir) throws Exception {
        Path capture = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"));
        h200 = GpuEnv.nvidia(MachineCapture.replayOptions(capture).build()).value().gpus();
        assertThat(h200).singleElement().satisfies(g -> assertThat(g.uuid()).isEqualTo(H200_UUID));
    }

    private static List<GpuDevice> eight() {
        List<GpuDevice> gpus = new ArrayList<>();
        for (int i = 7; i >= 0; i--) { // out of order on purpose: selection goes by index
            String mig = i == 3 || i == 5 ? "Enabled" : i == 6 ? null : "Disabled";
            gpus.add(new GpuDevice(i, "NVIDIA H200", String.format("GPU-%08x-1111-2222-3333-444455556666", i),
                    String.format("00000000:%02X:00.0", 0x18 + i), 150_754_820_096L, "9.0", mig));
        }
        return gpus;
    }

    private static Selection toolkit(String spec, List<GpuDevice> gpus) {
        return PreflightGpuSelection.resolve(GpuRequest.parse(spec), Attach.TOOLKIT, gpus);
    }

    private static Selection cdi(String spec, List<GpuDevice> gpus) {
        return PreflightGpuSelection.resolve(GpuRequest.parse(spec), Attach.CDI, gpus);
    }

    private static List<Integer> indices(Selection s) {
        return s.gpus().stream().map(GpuDevice::index).toList();
    }

    @Test
    void allAndCountsWithinTheHost() {
        for (Attach attach : List.of(Attach.TOOLKIT, Attach.CDI, Attach.INJECT)) {
            assertThat(indices(PreflightGpuSelection.resolve(GpuRequest.all(), attach, h200))).containsExactly(0);
            assertThat(PreflightGpuSelection.resolve(GpuRequest.count(1), attach, h200).problems()).isEmpty();
            assertThat(indices(PreflightGpuSelection.resolve(GpuRequest.count(3), attach, EIGHT)))
                    .containsExactly(0, 1, 2);
        }
    }

    @Test
    void aCountAboveTheHostsGpusIsRefused() {
        Selection s = toolkit("2", h200);
        assertThat(s.problems()).containsExactly("--gpus 2 asks for 2 GPUs; this host has 1 GPU");
        assertThat(s.gpus()).isEmpty();
        assertThat(cdi("9", EIGHT).problems()).containsExactly("--gpus 9 asks for 9 GPUs; this host has 8 GPUs");
        assertThat(toolkit("1", List.of()).problems()).containsExactly("--gpus 1 asks for 1 GPU; this host has no GPU");
    }

    @Test
    void anIndexTheHostLacksIsRefusedInEveryMode() {
        assertThat(toolkit("device=7", h200).problems()).containsExactly("this host has no GPU 7");
        assertThat(cdi("device=7", h200).problems()).containsExactly("nvidia.com/gpu=7: this host has no GPU 7");
        assertThat(cdi("nvidia.com/gpu=7", h200).problems()).containsExactly("nvidia.com/gpu=7: this host has no GPU 7");
        assertThat(indices(toolkit("\"device=0,7\"", EIGHT))).containsExactly(0, 7);
        assertThat(toolkit("\"device=0,8\"", EIGHT).problems()).containsExactly("this host has no GPU 8");
    }

    @Test
    void toolkitIndicesAreDecimalsAsStrtoumaxReadsThem() {
        assertThat(indices(toolkit("device=07", EIGHT))).containsExactly(7);
        assertThat(indices(toolkit("device=+2", EIGHT))).containsExactly(2);
        assertThat(toolkit("device=-1", EIGHT).problems()).singleElement().asString().contains("'-1' is no GPU");
        assertThat(toolkit("device=99999999999999999999999", EIGHT).problems()).singleElement().asString()
                .contains("this host has no GPU 99999999999999999999999");
        // CDI specs name the index as a plain decimal: 07 is no device name there
        assertThat(cdi("device=07", EIGHT).problems()).singleElement().asString()
                .contains("name GPUs by index (0, 1, …) and UUID, not 07");
    }

    @Test
    void wholeUuidsSelectAnyCaseForTheToolkitExactlyForCdi() {
        assertThat(indices(toolkit("device=" + H200_UUID, h200))).containsExactly(0);
        assertThat(indices(toolkit("device=" + H200_UUID.toLowerCase(java.util.Locale.ROOT), h200))).containsExactly(0);
        assertThat(indices(toolkit("device=gpu-3C9660B5-F808-F2F1-E2E3-93F23847A0BF", h200))).containsExactly(0);
        assertThat(indices(cdi("device=" + H200_UUID, h200))).containsExactly(0);
        assertThat(cdi("device=GPU-3C9660B5-F808-F2F1-E2E3-93F23847A0BF", h200).problems()).singleElement().asString()
                .contains("CDI device names are exact; GPU 0's UUID is spelled " + H200_UUID);
    }

    @Test
    void anUnknownUuidAndAUuidPrefixAreRefusedNamingTheWholeUuid() {
        assertThat(toolkit("device=GPU-00000000-0000-0000-0000-000000000000", h200).problems()).singleElement()
                .asString().contains("'GPU-00000000-0000-0000-0000-000000000000' is no GPU of this host");
        assertThat(toolkit("device=GPU-3c9660b5", h200).problems()).containsExactly("GPU-3c9660b5 is only part of GPU"
                + " 0's UUID: GPUs are selected by the whole UUID, " + H200_UUID);
        assertThat(cdi("device=GPU-3c96", h200).problems()).containsExactly("GPU-3c96 is only part of GPU 0's UUID:"
                + " GPUs are selected by the whole UUID, " + H200_UUID);
        // without GPU- libnvidia-container takes no UUID at all
        assertThat(toolkit("device=3c9660b5-f808-f2f1-e2e3-93f23847a0bf", h200).problems()).singleElement()
                .asString().contains("only part of GPU 0's UUID");
    }

    @Test
    void pciBusIdsSelectForTheToolkitInEitherWidth() {
        assertThat(indices(toolkit("device=00000000:00:06.0", h200))).containsExactly(0);
        assertThat(indices(toolkit("device=0000:00:06.0", h200))).containsExactly(0);
        assertThat(indices(toolkit("device=0:0:6.0", h200))).containsExactly(0);
        assertThat(indices(toolkit("device=0000:1f:00.0", EIGHT))).containsExactly(7);
        assertThat(toolkit("device=0000:00:07.0", h200).problems()).singleElement().asString()
                .contains("'0000:00:07.0' is no GPU of this host");
        assertThat(cdi("device=0000:00:06.0", h200).problems()).singleElement().asString()
                .contains("name GPUs by index (0, 1, …) and UUID, not 0000:00:06.0");
    }

    @Test
    void migDevicesAreJudgedOnlyByWhatIsKnown() {
        assertThat(toolkit("device=0:0", h200).problems()).containsExactly("0:0 is a MIG device of GPU 0, which has"
                + " MIG disabled");
        assertThat(toolkit("device=MIG-4f1a2b3c-0000-0000-0000-000000000000", h200).problems()).containsExactly(
                "MIG-4f1a2b3c-0000-0000-0000-000000000000 is a MIG device, and no GPU of this host has MIG enabled");
        assertThat(toolkit("device=9:0", EIGHT).problems()).containsExactly("9:0 is MIG device 0 of GPU 9, and this"
                + " host has no GPU 9");
        Selection onMigGpu = toolkit("device=3:1", EIGHT);
        assertThat(onMigGpu.problems()).isEmpty();
        assertThat(onMigGpu.complete()).isFalse();
        assertThat(indices(onMigGpu)).containsExactly(3);
        Selection migUuid = cdi("device=MIG-4f1a2b3c-0000-0000-0000-000000000000", EIGHT);
        assertThat(migUuid.problems()).isEmpty();
        assertThat(migUuid.complete()).isFalse();
        // MIG mode unknown (GPU 6): not judged
        assertThat(toolkit("device=6:0", EIGHT).problems()).isEmpty();
    }

    @Test
    void aWholeGpuWithMigEnabledIsANote() {
        Selection s = toolkit("device=5", EIGHT);
        assertThat(s.problems()).isEmpty();
        assertThat(s.notes()).singleElement().asString().startsWith("GPU 5 has MIG enabled");
        assertThat(toolkit("all", EIGHT).notes()).hasSize(2);
    }

    @Test
    void cdiNamesOfOtherKindsAndSpecsOwnNamesAreNotJudged() {
        Selection other = PreflightGpuSelection.resolve(GpuRequest.cdi("vendor.example/fpga=0"), Attach.CDI, h200);
        assertThat(other.problems()).isEmpty();
        assertThat(other.complete()).isFalse();
        Selection own = cdi("nvidia.com/gpu=my-gpu", h200);
        assertThat(own.problems()).isEmpty();
        assertThat(own.complete()).isFalse();
        assertThat(indices(cdi("nvidia.com/gpu=all", EIGHT))).hasSize(8);
    }

    @Test
    void emptyEntriesAreSkippedAsTheToolkitDoes() {
        Selection s = toolkit("\"device=,0,,\"", h200);
        assertThat(s.problems()).isEmpty();
        assertThat(indices(s)).containsExactly(0);
        assertThat(toolkit("\"device=,\"", h200).gpus()).isEmpty();
        assertThat(toolkit("\"device=,\"", h200).problems()).isEmpty();
    }

    @Test
    void theHostsGpusAreListedAsTheMessagesShowThem() {
        assertThat(PreflightGpuSelection.list(h200)).isEqualTo("1 GPU: 0: NVIDIA H200 " + H200_UUID);
        assertThat(PreflightGpuSelection.list(List.of())).isEqualTo("no GPU");
        assertThat(PreflightGpuSelection.list(EIGHT)).startsWith("8 GPUs: 0: NVIDIA H200 GPU-00000000-")
                .contains("3: NVIDIA H200 GPU-00000003-1111-2222-3333-444455556666 (MIG enabled)");
    }

    /** Junk device ids — control characters, huge, unicode — never throw and always get an answer. */
    @Test
    void junkIdsAlwaysGetAClearAnswer() {
        Random random = new Random(10);
        String alphabet = "0123456789:.,-+GPUMIGgpumig\u0000\u001b\u00e9\u4e2d \t=\"";
        for (int n = 0; n < 3000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(n % 100 == 0 ? 5000 : 40) + 1;
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (Attach attach : List.of(Attach.TOOLKIT, Attach.CDI)) {
                Selection s = PreflightGpuSelection.resolve(GpuRequest.devices(id.toString()), attach, EIGHT);
                boolean answered = !s.problems().isEmpty() || !s.gpus().isEmpty() || !s.notes().isEmpty();
                assertThat(answered || id.toString().isBlank()).as("an answer for '%s' (%s)", id, attach).isTrue();
                s.problems().forEach(p -> assertThat(p).hasSizeLessThan(400)
                        .satisfies(text -> assertThat(text.chars().noneMatch(c -> c < 0x20)).isTrue()));
            }
        }
    }
}
