package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.testing.FuzzText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the nvidia-smi and Windows driver-version parsers: never a throw, bounded time, invariants (a GPU's
 * memory is non-negative, its index too; an error classification always has a reason and a short detail). Corpus:
 * {@code src/test/resources/io/github/gpuenv/internal/nvidia/NvidiaParsersFuzzTestInputs/<method>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NvidiaParsersFuzzTest {

    /** nvidia-smi(1)'s documented exit codes, and a few it is not documented to use. */
    private static final int[] EXIT_CODES = {0, 1, 2, 3, 4, 6, 9, 12, 14, 15, 255, -1, Integer.MIN_VALUE};
    private static final List<String> ERROR_KEYS = List.of(
            "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver",
            "Failed to initialize NVML: Driver/library version mismatch", "No devices were found",
            "Field \"compute_cap\" is not a valid field to query.", "Insufficient Permissions",
            "GPU access blocked by the operating system", "Failed to initialize NVML: Unknown Error");
    private static final List<String> CSV_KEYS = List.of("0, NVIDIA H200, GPU-1b12, 00000000:00:06.0, 580.159.04, 143771",
            "1", "\"NVIDIA, Inc\"", "[N/A]", "[Not Supported]", "9.0", "Disabled", "143771 MiB", "N/A");
    private static final List<String> QUERY_KEYS = List.of("CUDA Version", "Driver Version", "==============NVSMI LOG",
            "Attached GPUs", "Product Name");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"couldn't communicate with the nvidia driver", "driver/library version mismatch",
            "insufficient permissions", "no permission", "No devices were found", "is not a valid field to query",
            "gpu access blocked by the operating system", "driver not loaded"})
    void nvidiaSmiError(byte[] input) {
        int exitCode = EXIT_CODES[(input.length == 0 ? 0 : input[0] & 0xff) % EXIT_CODES.length];
        for (String text : FuzzText.all(input, ERROR_KEYS)) {
            ProbeMiss miss = NvidiaSmiErrorParser.classify(exitCode, text);
            assertThat(miss.reason()).isNotNull();
            assertThat(miss.detail()).isNotEmpty().hasSizeLessThan(NvidiaSmiErrorParser.BLOCKED_DETAIL.length() + 300);
            NvidiaSmiErrorParser.noDevices(text);
            NvidiaSmiErrorParser.invalidField(text);
        }
        if (input.length == 0) {
            assertThat(NvidiaSmiErrorParser.classify(exitCode, null).reason()).isNotNull();
            assertThat(NvidiaSmiErrorParser.noDevices(null)).isFalse();
            assertThat(NvidiaSmiErrorParser.invalidField(null)).isFalse();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({", ", ",", "\"", "\"\"", "[N/A]", "MiB", "GPU-", "00000000:"})
    void nvidiaSmiCsv(byte[] input) {
        for (String text : FuzzText.all(input, CSV_KEYS)) {
            NvidiaSmiCsvParser.parse(text).ifPresent(smi -> {
                assertThat(smi.gpus()).isNotEmpty();
                assertThat(smi.driverVersion()).isNotNull();
                smi.gpus().forEach(gpu -> {
                    assertThat(gpu.index()).isNotNegative();
                    assertThat(gpu.name()).isNotNull();
                    if (gpu.memoryTotalBytes() != null) {
                        assertThat(gpu.memoryTotalBytes()).isNotNegative();
                    }
                    if (gpu.computeCapability() != null) {
                        assertThat(gpu.computeCapability()).matches("\\d{1,3}\\.\\d{1,3}");
                    }
                });
            });
        }
        if (input.length == 0) {
            assertThat(NvidiaSmiCsvParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"CUDA Version", " : ", ": ", "13.0", "N/A"})
    void nvidiaSmiQuery(byte[] input) {
        for (String text : FuzzText.all(input, QUERY_KEYS)) {
            NvidiaSmiQueryParser.cudaVersion(text).ifPresent(v -> {
                assertThat(v).matches("\\d{1,3}\\.\\d{1,3}");
                assertThat(text).contains(v);
            });
        }
        if (input.length == 0) {
            assertThat(NvidiaSmiQueryParser.cudaVersion(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"DriverVersion=", "31.0.15.3179", "32.0.16.1088", "."})
    void windowsDriverVersion(byte[] input) {
        for (String text : FuzzText.all(input, List.of("DriverVersion", "DriverVersion=31.0.15.3179", "Name"))) {
            WindowsDriverVersionParser.parse(text).ifPresent(v -> assertThat(v).matches("\\d{3}\\.\\d{2}"));
        }
        if (input.length == 0) {
            assertThat(WindowsDriverVersionParser.parse(null)).isEmpty();
        }
    }

    /**
     * Finding 2 (review of finding 1's class, then reproduced): {@code toLowerCase} is quadratic on text full of
     * {@code İ} (150,000 of them: 5 s), so a megabyte of such output held the nvidia-smi probe for minutes; fixed with
     * {@link io.github.gpuenv.internal.AsciiCase}. The class's {@code @Timeout} bounds each of these.
     */
    @Test
    void aMegabyteOfDottedCapitalIIsClassifiedInLinearTime() {
        String output = "\u0130".repeat(1_000_000) + "\nFailed to initialize NVML: Driver/Library version mismatch";

        assertThat(NvidiaSmiErrorParser.classify(18, output).reason())
                .isEqualTo(io.github.gpuenv.report.Reason.LIBRARY_VERSION_MISMATCH);
    }
}
