package io.github.gpuenv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionNumberTest {

    private static VersionNumber v(String text) {
        return VersionNumber.parse(text).orElseThrow();
    }

    @Test
    void readsTheNumericPrefixAndIgnoresSuffixes() {
        assertThat(v("5.15.153.1-microsoft-standard-WSL2")).hasToString("5.15.153.1");
        assertThat(v("6.6.84.1-microsoft-standard-WSL2+")).hasToString("6.6.84.1");
        assertThat(v("4.4.0-19041-Microsoft")).hasToString("4.4.0");
        assertThat(v("580.82.07")).hasToString("580.82.7");
        assertThat(v("  v1.17.8")).hasToString("1.17.8");
        assertThat(v("22000.160")).hasToString("22000.160");
        assertThat(v("12.")).hasToString("12");
    }

    @Test
    void comparesComponentByComponentWithMissingAsZero() {
        assertThat(v("5.15.153.1").isAtLeast(v("5.10.43"))).isTrue();
        assertThat(v("5.10.43").isAtLeast(v("5.10.43"))).isTrue();
        assertThat(v("5.10.42.9").isAtLeast(v("5.10.43"))).isFalse();
        assertThat(v("4.19.128").isAtLeast(v("5.10.43"))).isFalse();
        assertThat(v("5.10")).isEqualTo(v("5.10.0")).hasSameHashCodeAs(v("5.10.0.0"));
        assertThat(v("5.9").compareTo(v("5.10"))).isNegative();
        assertThat(v("10")).isNotEqualTo(v("1"));
    }

    @Test
    void textWithoutALeadingNumberIsEmpty() {
        assertThat(VersionNumber.parse(null)).isEmpty();
        assertThat(VersionNumber.parse("")).isEmpty();
        assertThat(VersionNumber.parse("abc")).isEmpty();
        assertThat(VersionNumber.parse(".5")).isEmpty();
        assertThat(VersionNumber.parse("\u0000\u0005")).isEmpty();
    }

    @Test
    void hugeInputIsBoundedAndDoesNotOverflow() {
        assertThat(VersionNumber.parse("9".repeat(1_000_000))).isEmpty();
        assertThat(v("1.2.3.4.5.6.7.8.9.10")).hasToString("1.2.3.4.5.6.7.8");
        assertThat(v("7." + "1".repeat(20))).hasToString("7");
        Optional<VersionNumber> dots = VersionNumber.parse("1" + ".1".repeat(500_000));
        assertThat(dots).map(VersionNumber::size).contains(VersionNumber.MAX_COMPONENTS);
    }
}
