package io.github.gpuenv.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The memory sizes of {@code @EnabledIfGpuMemory}. */
class MemorySizeTest {

    @Test
    void binaryDecimalAndPlainBytes() {
        assertThat(MemorySize.bytes("16GiB")).isEqualTo(16L << 30);
        assertThat(MemorySize.bytes("16 gib")).isEqualTo(16L << 30);
        assertThat(MemorySize.bytes("80GB")).isEqualTo(80_000_000_000L);
        assertThat(MemorySize.bytes("512MiB")).isEqualTo(512L << 20);
        assertThat(MemorySize.bytes("1.5TiB")).isEqualTo((long) (1.5 * (1L << 40)));
        assertThat(MemorySize.bytes("150754820096")).isEqualTo(150_754_820_096L);
        assertThat(MemorySize.describe(150_754_820_096L)).isEqualTo("140 GiB");
    }

    @Test
    void anythingElseIsAClearError() {
        for (String bad : new String[] {"", "lots", "16 GiBs", "-1GiB", "1e9", "16 G B", "9999999999999999TiB"}) {
            assertThatThrownBy(() -> MemorySize.bytes(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> MemorySize.bytes(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
