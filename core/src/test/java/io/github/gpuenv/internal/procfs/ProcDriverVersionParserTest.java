package io.github.gpuenv.internal.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcDriverVersionParserTest {

    @Test
    void h200OpenKernelModule() {
        assertThat(ProcDriverVersionParser.parse(Fixtures.text("h200-linux/root/proc/driver/nvidia/version")))
                .contains("580.159.04");
    }

    @Test
    void proprietaryModuleLine() {
        // the layout of the proprietary module (NVIDIA/nvidia-docker issue threads quote it this way)
        String text = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\n"
                + "GCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)\n";
        assertThat(ProcDriverVersionParser.parse(text)).contains("535.104.05");
    }

    @Test
    void twoPartLegacyVersion() {
        assertThat(ProcDriverVersionParser.parse("NVRM version: NVIDIA UNIX x86_64 Kernel Module  340.108  Wed Dec 11"))
                .contains("340.108");
    }

    @Test
    void badInputsAreUnrecognized() {
        assertThat(ProcDriverVersionParser.parse(null)).isEmpty();
        assertThat(ProcDriverVersionParser.parse("")).isEmpty();
        assertThat(ProcDriverVersionParser.parse("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  ")).isEmpty();
        assertThat(ProcDriverVersionParser.parse("GCC version:  gcc version 15.3.0 (GCC)\n")).isEmpty();
        assertThat(ProcDriverVersionParser.parse(new String(new byte[] {0, (byte) 0xff, 1, 2, 'N', 'V'},
                StandardCharsets.UTF_8))).isEmpty();
        assertThat(ProcDriverVersionParser.parse("x".repeat(1024 * 1024))).isEmpty();
    }

    @Test
    void truncatedAfterTheVersion() {
        assertThat(ProcDriverVersionParser.parse("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04"))
                .contains("580.159.04");
        assertThat(ProcDriverVersionParser.parse("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.15"))
                .contains("580.15");
    }
}
