package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --shm-size}/{@code --memory} syntax. The expected values are what Docker CLI 28.2.2 sent to Engine 20.10 for
 * {@code docker create --shm-size X} ({@code docker inspect -f '{{.HostConfig.ShmSize}}'}, this machine, 2026-12).
 */
class ByteSizeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "16g|17179869184", "1GiB|1073741824", "1gb|1073741824", "1 g|1073741824", "1.5k|1536", ".5g|536870912",
            "1e3|1000", "1kB|1024", "10b|10", "512|512", "0|0", "64m|67108864", "1M|1048576", "2t|2199023255552",
            "1p|1125899906842624", "1.1k|1126", "8191p|9222246136947933184", "'1 '|1"})
    void readsWhatTheDockerCliReads(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1ib|invalid suffix: 'ib'", "1Gi|invalid suffix: 'gi'", "1bb|invalid suffix: 'bb'",
            "1.2.3|invalid size: '1.2.3'", "-1|invalid size: '-1'", "abc|invalid size: 'abc'",
            "''|invalid size: ''", "99999999999p|size too large", "8192p|size too large",
            "'1  g'|invalid size", "'1g '|invalid size", "1e|invalid suffix: 'e'",
            "1x|invalid suffix: 'x'", "1kibb|invalid suffix"})
    void refusesWhatTheDockerCliRefusesWithItsWords(String text, String message) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\u212A", "1\u0000g", "\u0661g", "1\u00A0g", "1ｇ", "NaN", "Infinity", "0x10"})
    void unicodeLookalikesAndJavaNumberFormsAreRefused(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeInputIsRefusedWithAShortMessage() {
        String huge = "9".repeat(1_000_000) + "g";
        assertThatThrownBy(() -> ByteSize.parse(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size too large").matches(e -> e.getMessage().length() < 300, "short");
        assertThatThrownBy(() -> ByteSize.parse("x".repeat(1_000_000))).isInstanceOf(IllegalArgumentException.class)
                .matches(e -> e.getMessage().length() < 300, "short");
    }

    @Test
    void toStringIsTheShortestExactFormAndReadsBack() {
        assertThat(ByteSize.parse("16g")).hasToString("16g");
        assertThat(ByteSize.parse("1536")).hasToString("1536");
        assertThat(ByteSize.parse("1.5k")).hasToString("1536");
        assertThat(ByteSize.ofBytes(3L << 20)).hasToString("3m");
        assertThat(ByteSize.ofGibibytes(16)).isEqualTo(ByteSize.parse("16GiB"));
        for (long bytes : new long[] {0, 1, 1023, 1024, 1L << 40, Long.MAX_VALUE}) {
            assertThat(ByteSize.parse(ByteSize.ofBytes(bytes).toString()).bytes()).isEqualTo(bytes);
        }
    }

    @Test
    void negativeBytesAreRefused() {
        assertThatThrownBy(() -> ByteSize.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
