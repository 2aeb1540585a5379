package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvParserTest {

    private static final String H200_UUID = "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510";

    @Test
    void h200Capture() {
        // captured with the seven fields before mig.mode.current: the MIG column is simply absent
        NvidiaSmiGpus parsed = NvidiaSmiCsvParser.parse(
                Fixtures.text("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv")).orElseThrow();
        assertThat(parsed.driverVersion()).isEqualTo("580.159.04");
        assertThat(parsed.gpus()).containsExactly(new GpuDevice(0, "NVIDIA H200", H200_UUID, "00000000:00:06.0",
                150_754_820_096L, "9.0", null));
    }

    @Test
    void h200CaptureOfTheExactQuery() {
        NvidiaSmiGpus parsed = NvidiaSmiCsvParser.parse(
                Fixtures.text("h200-gpuenv-query/nvidia-smi-query-gpu-noheader-nounits.csv")).orElseThrow();
        assertThat(parsed.driverVersion()).isEqualTo("580.159.04");
        assertThat(parsed.gpus()).containsExactly(new GpuDevice(0, "NVIDIA H200",
                "GPU-1c15812e-eed9-1b32-4171-58110d539cf9", "00000000:00:06.0", 150_754_820_096L, "9.0", "Disabled"));
    }

    @Test
    void allEightFieldsAndSeveralGpus() {
        String text = "0, NVIDIA H200, GPU-a, 00000000:00:06.0, 580.159.04, 143771, 9.0, Disabled\n"
                + "1, NVIDIA H200, GPU-b, 00000000:00:07.0, 580.159.04, 143771, 9.0, Enabled\n";
        List<GpuDevice> gpus = NvidiaSmiCsvParser.parse(text).orElseThrow().gpus();
        assertThat(gpus).extracting(GpuDevice::index, GpuDevice::uuid, GpuDevice::migMode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "GPU-a", "Disabled"),
                        org.assertj.core.groups.Tuple.tuple(1, "GPU-b", "Enabled"));
    }

    @Test
    void placeholdersAreNull() {
        String text = "0, NVIDIA GeForce RTX 4080 SUPER, GPU-c, 00000000:01:00.0, 610.88, [N/A], [Not Supported], "
                + "[N/A]\r\n";
        NvidiaSmiGpus parsed = NvidiaSmiCsvParser.parse(text).orElseThrow();
        assertThat(parsed.driverVersion()).isEqualTo("610.88");
        assertThat(parsed.gpus()).containsExactly(new GpuDevice(0, "NVIDIA GeForce RTX 4080 SUPER", "GPU-c",
                "00000000:01:00.0", null, null, null));
    }

    @Test
    void legacyFieldsAndUnitsAndDecimalComma() {
        assertThat(NvidiaSmiCsvParser.parse("0, Tesla M40 24GB, GPU-d, 00000000:05:00.0, 470.223.02, 22945 MiB\n")
                .orElseThrow().gpus()).containsExactly(new GpuDevice(0, "Tesla M40 24GB", "GPU-d", "00000000:05:00.0",
                22945L * 1024 * 1024, null, null));
        assertThat(NvidiaSmiCsvParser.parse("0, A, GPU-e, 00000000:05:00.0, 550.1, 1, \"8,9\", Disabled\n")
                .orElseThrow().gpus().get(0).computeCapability()).isEqualTo("8.9");
    }

    @Test
    void extraColumnsAreCommasInTheName() {
        String text = "0, NVIDIA RTX, Ada, GPU-f, 00000000:01:00.0, 580.1, 1024, 8.9, [N/A]\n";
        assertThat(NvidiaSmiCsvParser.parse(text).orElseThrow().gpus()).containsExactly(
                new GpuDevice(0, "NVIDIA RTX, Ada", "GPU-f", "00000000:01:00.0", 1024L * 1024 * 1024, "8.9", null));
    }

    @Test
    void quotedFields() {
        String text = "\"0\", \"NVIDIA \"\"H200\"\", NVL\", \"GPU-g\", \"00000000:00:06.0\", \"580.1\", \"1\", \"9.0\","
                + " \"Disabled\"\n";
        assertThat(NvidiaSmiCsvParser.parse(text).orElseThrow().gpus().get(0).name()).isEqualTo("NVIDIA \"H200\", NVL");
    }

    @Test
    void badInputsAreUnrecognized() {
        String line = "0, NVIDIA H200, GPU-a, 00000000:00:06.0, 580.159.04, 143771, 9.0, Disabled\n";
        assertThat(NvidiaSmiCsvParser.parse(null)).isEmpty();
        assertThat(NvidiaSmiCsvParser.parse("")).isEmpty();
        assertThat(NvidiaSmiCsvParser.parse("\n\n")).isEmpty();
        assertThat(NvidiaSmiCsvParser.parse(line + "1, NVIDIA H2")).as("truncated mid-line").isEmpty();
        assertThat(NvidiaSmiCsvParser.parse(line.substring(0, 60))).as("truncated, no line break").isEmpty();
        assertThat(NvidiaSmiCsvParser.parse(line + "1, NVIDIA H200, GPU-b\n")).as("too few columns").isEmpty();
        assertThat(NvidiaSmiCsvParser.parse("index, name, uuid, pci.bus_id, driver_version, memory.total [MiB]\n"))
                .as("a header row").isEmpty();
        assertThat(NvidiaSmiCsvParser.parse(Fixtures.text("h200-linux/cmd/nvidia-smi-bad-field.txt"))).isEmpty();
        assertThat(NvidiaSmiCsvParser.parse(new String(new byte[] {0, 1, (byte) 0xc3, ',', ',', ',', ',', ',', '\n'},
                StandardCharsets.ISO_8859_1))).as("binary").isEmpty();
        assertThat(NvidiaSmiCsvParser.parse("0, x, y, z, w, v\n".repeat(20) + "-1, x, y, z, w, v\n"))
                .as("negative index").isEmpty();
    }

    @Test
    void oneMegabyteOfRowsParses() {
        String line = "0, NVIDIA H200, GPU-a, 00000000:00:06.0, 580.159.04, 143771, 9.0, Disabled\n";
        String text = line.repeat(1024 * 1024 / line.length() + 1);
        assertThat(NvidiaSmiCsvParser.parse(text).orElseThrow().gpus()).hasSize(1024 * 1024 / line.length() + 1);
        assertThat(NvidiaSmiCsvParser.parse("x".repeat(1024 * 1024) + "\n")).isEmpty();
    }
}
