package io.github.gpuenv.internal.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.testing.FuzzText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the {@code /proc/driver/nvidia} parsers: never a throw, bounded time, and what they return comes from the
 * input. Corpus: {@code src/test/resources/io/github/gpuenv/internal/procfs/ProcParsersFuzzTestInputs/<method>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcParsersFuzzTest {

    private static final List<String> VERSION_KEYS = List.of("NVRM version", "GCC version",
            "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (nixbld@)");
    private static final List<String> INFORMATION_KEYS = List.of("Model", "IRQ", "GPU UUID", "Video BIOS", "Bus Type",
            "DMA Size", "DMA Mask", "Bus Location", "Device Minor", "GPU Excluded", "GPU Firmware");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"NVRM version:", "Kernel Module", "580.159.04", "535.104.05"})
    void procDriverVersion(byte[] input) {
        for (String text : FuzzText.all(input, VERSION_KEYS)) {
            ProcDriverVersionParser.parse(text).ifPresent(v -> {
                assertThat(text).contains(v);
                assertThat(v).matches("\\d{2,4}\\.\\d{1,3}(\\.\\d{1,3})?");
            });
        }
        if (input.length == 0) {
            assertThat(ProcDriverVersionParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"Model:", "GPU UUID:", "Bus Location:", "Device Minor:", "GPU Excluded:", "Yes", "No",
            "GPU-1b12", "0000:00:06.0"})
    void procGpuInformation(byte[] input) {
        for (String text : FuzzText.all(input, INFORMATION_KEYS)) {
            ProcGpuInformationParser.parse(text).ifPresent(info -> {
                assertThat(info.model() != null || info.uuid() != null || info.busLocation() != null).isTrue();
                for (String value : new String[] {info.model(), info.uuid(), info.busLocation()}) {
                    if (value != null) {
                        assertThat(value).isNotBlank().isEqualTo(value.strip());
                    }
                }
            });
        }
        if (input.length == 0) {
            assertThat(ProcGpuInformationParser.parse(null)).isEmpty();
        }
    }

    /**
     * Finding 2 (review of finding 1's class, then reproduced): {@code toLowerCase} is quadratic on text full of
     * {@code İ} (150,000 of them: 5 s), so a megabyte of such output held the procfs probe for minutes; fixed with
     * {@link io.github.gpuenv.internal.AsciiCase}. The class's {@code @Timeout} bounds each of these.
     */
    @Test
    void aMegabyteOfDottedCapitalIIsReadInLinearTime() {
        String text = "Model: NVIDIA H200\nGPU Excluded: " + "\u0130".repeat(1_000_000) + "\n";

        assertThat(ProcGpuInformationParser.parse(text)).hasValueSatisfying(info -> assertThat(info.excluded()).isFalse());
    }
}
