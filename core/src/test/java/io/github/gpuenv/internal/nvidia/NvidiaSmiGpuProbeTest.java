package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaSmiGpuProbeTest {

    private static final List<String> QUERY = NvidiaSmiGpuProbe.queryArgv("nvidia-smi", NvidiaSmiCsvParser.FIELDS);
    private static final List<String> CUDA = NvidiaSmiGpuProbe.cudaArgv("nvidia-smi");
    private static final GpuDevice H200 = new GpuDevice(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510",
            "00000000:00:06.0", 150_754_820_096L, "9.0", null);

    @TempDir
    Path root;

    @Test
    void h200CsvAndCudaHeader() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .onFile(QUERY, Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"))
                .onFile(CUDA, Fixtures.path("h200-linux/cmd/nvidia-smi-q.txt"));

        Fact<NvidiaDriver> fact = probe(runner);

        assertThat(fact).isEqualTo(Fact.known(new NvidiaDriver("580.159.04", "13.0", "nvidia-smi", List.of(H200)),
                "nvidia-smi"));
        assertThat(runner.received()).extracting(CommandRequest::argv).containsExactly(
                List.of("nvidia-smi", "--query-gpu=index,name,uuid,pci.bus_id,driver_version,memory.total,compute_cap,"
                        + "mig.mode.current", "--format=csv,noheader,nounits"),
                List.of("nvidia-smi", "-q", "-d", "COMPUTE"));
        assertThat(runner.received()).allSatisfy(r -> assertThat(r.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void failedCudaQueryLeavesTheVersionEmpty() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .onFile(QUERY, Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"))
                .on(CUDA, 255, new byte[0], bytes("Unable to determine the device handle for GPU0: Unknown Error\n"));
        assertThat(probe(runner).value().cudaDriverVersion()).isNull();
        assertThat(probe(runner).value().gpus()).containsExactly(H200);
    }

    @Test
    void olderDriverIsAskedForTheLegacyFields() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .on(QUERY, 2, bytes("Field \"compute_cap\" is not a valid field to query.\n\n"), new byte[0])
                .on(NvidiaSmiGpuProbe.queryArgv("nvidia-smi", NvidiaSmiCsvParser.LEGACY_FIELDS),
                        "0, Tesla M40 24GB, GPU-f7d2, 00000000:05:00.0, 470.223.02, 22945\n");
        assertThat(probe(runner).value()).isEqualTo(new NvidiaDriver("470.223.02", "", "nvidia-smi", List.of(
                new GpuDevice(0, "Tesla M40 24GB", "GPU-f7d2", "00000000:05:00.0", 22945L * 1048576, null, null))));
    }

    @Test
    void insideWslTheWindowsDriversNvidiaSmiIsRunByItsMachinePath() throws IOException {
        Path smi = root.resolve("usr/lib/wsl/lib/nvidia-smi");
        Files.createDirectories(smi.getParent());
        Files.writeString(smi, "");
        List<String> query = NvidiaSmiGpuProbe.queryArgv("/usr/lib/wsl/lib/nvidia-smi", NvidiaSmiCsvParser.FIELDS);
        FakeCommandRunner runner = new FakeCommandRunner()
                .onFile(query, Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"));
        assertThat(probe(runner).value().gpus()).containsExactly(H200);
        // never the file under the root: the argv names the machine's path, which a capture replays by
        assertThat(runner.received().get(0).argv().get(0)).isEqualTo("/usr/lib/wsl/lib/nvidia-smi");
    }

    @Test
    void noDevicesIsKnownWithNoGpus() {
        FakeCommandRunner runner = new FakeCommandRunner().on(QUERY, 6, bytes("No devices were found\n"), new byte[0]);
        assertThat(probe(runner)).isEqualTo(Fact.known(new NvidiaDriver("", "", "nvidia-smi", List.of()),
                "nvidia-smi"));
    }

    @Test
    void errorOutputsMapToReasons() {
        // messages as quoted in reference/diagnosis-catalogue.md (D3, D5, D13, D14) and nvidia-smi(1) exit codes
        assertReason(9, "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that"
                + " the latest NVIDIA driver is installed and running.\n\n", "", Reason.DRIVER_NOT_LOADED);
        assertReason(18, "Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 535.183\n",
                "", Reason.LIBRARY_VERSION_MISMATCH);
        assertReason(255, "", "Failed to initialize NVML: Insufficient Permissions\n", Reason.PERMISSION_DENIED);
        assertReason(4, "", "", Reason.PERMISSION_DENIED);
        assertReason(12, "NVML Shared Library Not Found\n", "", Reason.NOT_FOUND);
        assertReason(255, "Failed to initialize NVML: Unknown Error\n", "", Reason.COMMAND_FAILED);
        Fact<NvidiaDriver> blocked = assertReason(255, "Failed to initialize NVML: GPU access blocked by the operating"
                + " system\nFailed to properly shut down NVML: GPU access blocked by the operating system\n", "",
                Reason.PERMISSION_DENIED);
        assertThat(blocked.describe()).contains("WSL").contains("TCC").contains("/usr/lib/wsl/lib");
    }

    @Test
    void exitZeroWithGarbageIsUnrecognized() {
        FakeCommandRunner runner = new FakeCommandRunner().on(QUERY, 0, new byte[] {0, 1, 2, (byte) 0xff, '\n'},
                new byte[0]);
        assertThat(probe(runner).unknownReason()).contains(Reason.UNRECOGNIZED_OUTPUT);
    }

    @Test
    void missingTimedOutAndUnstartable() {
        assertThat(probe(new FakeCommandRunner()).unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(probe(new FakeCommandRunner().on(QUERY, r -> CommandResult.failed(r.argv(),
                CommandResult.Outcome.TIMED_OUT, r.timeout(), "killed"))).unknownReason()).contains(Reason.TIMED_OUT);
        assertThat(probe(new FakeCommandRunner().on(QUERY, r -> CommandResult.failed(r.argv(),
                CommandResult.Outcome.FAILED, Duration.ZERO, "Permission denied"))).unknownReason())
                .contains(Reason.COMMAND_FAILED);
    }

    private Fact<NvidiaDriver> assertReason(int exit, String stdout, String stderr, Reason reason) {
        Fact<NvidiaDriver> fact = probe(new FakeCommandRunner().on(QUERY, exit, bytes(stdout), bytes(stderr)));
        assertThat(fact.unknownReason()).as(stdout + stderr).contains(reason);
        return fact;
    }

    private Fact<NvidiaDriver> probe(FakeCommandRunner runner) {
        return new NvidiaSmiGpuProbe().probe(ProbeContexts.linux(root, runner));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
