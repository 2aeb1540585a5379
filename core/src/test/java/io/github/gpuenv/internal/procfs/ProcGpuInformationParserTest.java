package io.github.gpuenv.internal.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcGpuInformationParserTest {

    @Test
    void h200Information() {
        String text = Fixtures.text("h200-linux/root/proc/driver/nvidia/gpus/0000:00:06.0/information");
        assertThat(ProcGpuInformationParser.parse(text)).contains(new ProcGpuInformation("NVIDIA H200",
                "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", "0000:00:06.0", 0, false));
    }

    @Test
    void excludedGpu() {
        String text = "Model: \t\t NVIDIA A100\nBus Location: \t 0000:3b:00.0\nGPU Excluded:\t Yes\n";
        assertThat(ProcGpuInformationParser.parse(text).orElseThrow().excluded()).isTrue();
    }

    @Test
    void truncatedMidLineKeepsWhatIsComplete() {
        String text = "Model: \t\t NVIDIA H200\nIRQ:   \t\t 41\nGPU UUID: \t GPU-1b12";
        assertThat(ProcGpuInformationParser.parse(text)).contains(
                new ProcGpuInformation("NVIDIA H200", "GPU-1b12", null, null, false));
    }

    @Test
    void badInputsAreUnrecognized() {
        assertThat(ProcGpuInformationParser.parse(null)).isEmpty();
        assertThat(ProcGpuInformationParser.parse("")).isEmpty();
        assertThat(ProcGpuInformationParser.parse("IRQ: 41\nDMA Size: 52 bits\n")).isEmpty();
        assertThat(ProcGpuInformationParser.parse(new String(new byte[] {(byte) 0xfe, 0, ':', 7},
                StandardCharsets.UTF_8))).isEmpty();
        assertThat(ProcGpuInformationParser.parse("Model:\n".repeat(150_000))).isEmpty();
    }

    @Test
    void nonNumericMinorIsNull() {
        assertThat(ProcGpuInformationParser.parse("Model: X\nDevice Minor: \t ?\n").orElseThrow().deviceMinor()).isNull();
    }
}
