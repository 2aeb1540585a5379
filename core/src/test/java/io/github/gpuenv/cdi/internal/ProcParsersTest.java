package io.github.gpuenv.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.cdi.internal.ProcGpuInformationParser.ProcGpu;
import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcParsersTest {

    @Test
    void versionOfTheH200Capture() {
        assertThat(ProcDriverVersionParser.parse(Fixtures.text("h200-linux/root/proc/driver/nvidia/version")))
                .contains("580.159.04");
    }

    @Test
    void versionOfAProprietaryModuleLine() {
        String text = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.183.01  Sun May 12 19:39:15 UTC 2024\n";
        assertThat(ProcDriverVersionParser.parse(text)).contains("535.183.01");
    }

    @Test
    void versionOfNothingUsefulIsEmpty() {
        assertThat(ProcDriverVersionParser.parse(null)).isEmpty();
        assertThat(ProcDriverVersionParser.parse("")).isEmpty();
        assertThat(ProcDriverVersionParser.parse("NVRM version: NVIDIA UNIX")).isEmpty();
        assertThat(ProcDriverVersionParser.parse("GCC version:  gcc version 15.3.0 (GCC)")).isEmpty();
        assertThat(ProcDriverVersionParser.parse(new String(new byte[] {0, (byte) 0xfe, 10, 13}, StandardCharsets.ISO_8859_1)))
                .isEmpty();
        assertThat(ProcDriverVersionParser.parse("x".repeat(2_000_000))).isEmpty();
    }

    @Test
    void informationOfTheH200Capture() {
        assertThat(ProcGpuInformationParser.parse(
                Fixtures.text("h200-linux/root/proc/driver/nvidia/gpus/0000:00:06.0/information")))
                .contains(new ProcGpu("GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", "0000:00:06.0", 0));
    }

    @Test
    void informationWithoutAValidMinorIsEmpty() {
        String h200 = Fixtures.text("h200-linux/root/proc/driver/nvidia/gpus/0000:00:06.0/information");
        assertThat(ProcGpuInformationParser.parse(h200.substring(0, h200.indexOf("Device Minor")))).isEmpty();
        assertThat(ProcGpuInformationParser.parse(h200.replace("Device Minor: \t 0", "Device Minor: \t -1"))).isEmpty();
        assertThat(ProcGpuInformationParser.parse("Device Minor: 99999999999999\n")).isEmpty();
        assertThat(ProcGpuInformationParser.parse("")).isEmpty();
        assertThat(ProcGpuInformationParser.parse(null)).isEmpty();
        assertThat(ProcGpuInformationParser.parse("\u0000\u0001:".repeat(100_000))).isEmpty();
    }

    @Test
    void informationWithOnlyAMinorHasEmptyFields() {
        assertThat(ProcGpuInformationParser.parse("Device Minor:\t 7\r\n")).isEqualTo(Optional.of(new ProcGpu("", "", 7)));
    }

    @Test
    void busIdsOfProcfsAndNvmlAreTheSame() {
        assertThat(BusIds.normalize("00000000:00:06.0")).isEqualTo(BusIds.normalize("0000:00:06.0")).isEqualTo("0000:00:06.0");
        assertThat(BusIds.normalize("00000001:3B:00.0")).isEqualTo("0001:3b:00.0");
        assertThat(BusIds.normalize(null)).isEmpty();
        assertThat(BusIds.normalize("weird")).isEqualTo("weird");
    }
}
