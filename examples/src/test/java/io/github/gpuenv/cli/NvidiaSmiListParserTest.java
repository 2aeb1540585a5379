package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiListParserTest {

    @Test
    void theH200Capture() {
        assertThat(NvidiaSmiListParser.parse(Fixtures.text("h200-linux/cmd/nvidia-smi-L.txt"))).containsExactly(
                new NvidiaSmiListParser.ListedGpu(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510"));
    }

    @Test
    void skipsMigAndNoise() {
        String text = "GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-aaaa-1)\n"
                + "  MIG 1g.5gb     Device  0: (UUID: MIG-bbbb)\r\n"
                + "No devices were found\n\u0000\u00ff"
                + "GPU 99999999999: X (UUID: GPU-1)\n";
        assertThat(NvidiaSmiListParser.parse(text)).containsExactly(
                new NvidiaSmiListParser.ListedGpu(0, "NVIDIA A100-SXM4-40GB", "GPU-aaaa-1"));
        assertThat(NvidiaSmiListParser.parse("")).isEmpty();
        assertThat(NvidiaSmiListParser.parse(null)).isEmpty();
    }

    @Test
    void comparison() {
        List<NvidiaSmiListParser.ListedGpu> container = NvidiaSmiListParser.parse(
                Fixtures.text("h200-linux/cmd/nvidia-smi-L.txt"));
        GpuDevice h200 = new GpuDevice(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", null, null, null,
                null);
        assertThat(SmokeCommand.SmokeComparison.matches(container, List.of(h200))).isTrue();
        GpuDevice other = new GpuDevice(0, "NVIDIA H200", "GPU-00000000-0000-0000-0000-000000000000", null, null, null,
                null);
        assertThat(SmokeCommand.SmokeComparison.matches(container, List.of(other))).isFalse();
        assertThat(SmokeCommand.SmokeComparison.matches(container, List.of(h200, other))).isFalse();
        GpuDevice nameOnly = new GpuDevice(0, "NVIDIA H200", null, null, null, null, null);
        assertThat(SmokeCommand.SmokeComparison.matches(container, List.of(nameOnly))).isTrue();
        assertThat(SmokeCommand.SmokeComparison.matches(List.of(), List.of())).isFalse();
    }
}
