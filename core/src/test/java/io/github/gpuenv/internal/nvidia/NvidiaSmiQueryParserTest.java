package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.Fixtures;
import org.junit.jupiter.api.Test;

class NvidiaSmiQueryParserTest {

    @Test
    void h200QueryHeader() {
        assertThat(NvidiaSmiQueryParser.cudaVersion(Fixtures.text("h200-linux/cmd/nvidia-smi-q.txt"))).contains("13.0");
    }

    @Test
    void h200DefaultTable() {
        assertThat(NvidiaSmiQueryParser.cudaVersion(Fixtures.text("h200-linux/cmd/nvidia-smi.txt"))).contains("13.0");
    }

    @Test
    void absentOrNotAVersion() {
        assertThat(NvidiaSmiQueryParser.cudaVersion(null)).isEmpty();
        assertThat(NvidiaSmiQueryParser.cudaVersion("")).isEmpty();
        assertThat(NvidiaSmiQueryParser.cudaVersion("CUDA Version                 : N/A\n")).isEmpty();
        assertThat(NvidiaSmiQueryParser.cudaVersion("CUDA Version : 1")).as("truncated").isEmpty();
        assertThat(NvidiaSmiQueryParser.cudaVersion("\0\1\2".repeat(400_000))).isEmpty();
    }
}
