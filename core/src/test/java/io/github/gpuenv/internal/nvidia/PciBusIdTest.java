package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PciBusIdTest {

    @Test
    void procfsAndNvmlFormsAreTheSameAddress() {
        assertThat(PciBusId.parse("0000:00:06.0")).contains(new PciBusId(0, 0, 6, 0));
        assertThat(PciBusId.parse("00000000:00:06.0")).isEqualTo(PciBusId.parse("0000:00:06.0"));
        assertThat(PciBusId.parse("0001:C1:1f.7")).contains(new PciBusId(1, 0xc1, 0x1f, 7));
    }

    @Test
    void ordersByDomainThenBusThenDevice() {
        assertThat(PciBusId.parse("0000:3b:00.0").orElseThrow())
                .isLessThan(PciBusId.parse("0000:86:00.0").orElseThrow())
                .isGreaterThan(PciBusId.parse("0000:1a:00.0").orElseThrow())
                .isLessThan(PciBusId.parse("0001:00:00.0").orElseThrow());
    }

    @Test
    void notAnAddress() {
        assertThat(PciBusId.parse(null)).isEmpty();
        assertThat(PciBusId.parse("")).isEmpty();
        assertThat(PciBusId.parse("GPU-1b12")).isEmpty();
        assertThat(PciBusId.parse("0000:00:06.9")).isEmpty();
    }
}
