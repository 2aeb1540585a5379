package io.github.gpuenv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.config.DurationText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration parser: units, ISO-8601, saturation instead of overflow, and what it refuses. */
class DurationTextTest {

    @Test
    void unitsAndIso() {
        assertThat(DurationText.parseStrict("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parseStrict("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(DurationText.parseStrict(" 2 m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parseStrict("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parseStrict("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void valuesBeyondWhatNanosecondsHoldSaturate() {
        assertThat(DurationText.parseStrict("999999999h")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.parseStrict("99999999999999999999999999s")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.parseStrict("PT99999999999999999999H")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.parseStrict("P999999999D")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.parseStrict("2562047h")).isEqualTo(Duration.ofHours(2562047));
        assertThat(DurationText.parseStrict("2562048h")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.MAX.toNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nonsenseZeroAndNegativeAreRefused() {
        assertThatThrownBy(() -> DurationText.parseStrict("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration: 'soon' (try 500ms, 3s, 2m)");
        assertThatThrownBy(() -> DurationText.parseStrict("0s")).hasMessage("duration must be positive: '0s'");
        assertThatThrownBy(() -> DurationText.parseStrict("-PT99999999999999999999H"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parseStrict("PT-5S")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parseStrict(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DurationText.parse("-3s", Duration.ofSeconds(7))).hasSeconds(7);
    }

    @Test
    void formatsAsPeopleWriteIt() {
        assertThat(DurationText.format(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofDays(10_000_000))).isEqualTo("240000000h");
    }

    @Test
    void instantsSaturateInsteadOfOverflowing() {
        assertThat(Nanos.after(Long.MAX_VALUE - 5, Duration.ofSeconds(1))).isEqualTo(Long.MAX_VALUE);
        assertThat(Nanos.after(100, Duration.ofDays(1_000_000))).isEqualTo(Long.MAX_VALUE);
        assertThat(Nanos.after(100, Duration.ofNanos(5))).isEqualTo(105);
        assertThat(Nanos.after(Long.MIN_VALUE + 5, Duration.ofSeconds(-1))).isEqualTo(Long.MIN_VALUE);
        assertThat(Nanos.of(Duration.ofDays(-1_000_000))).isEqualTo(Long.MIN_VALUE);
    }
}
