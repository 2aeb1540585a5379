package io.github.gpuenv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiCaseTest {

    @Test
    void lowersAsciiLettersOnly() {
        assertThat(AsciiCase.lower("Driver/Library Version MISMATCH")).isEqualTo("driver/library version mismatch");
        assertThat(AsciiCase.lower("\u0130STANBUL \u212A \u00DF")).isEqualTo("\u0130stanbul \u212A \u00DF");
        assertThat(AsciiCase.lower("")).isEmpty();
    }

    @Test
    void returnsTheSameStringWhenNothingChanges() {
        String text = "already lower, 123";
        assertThat(AsciiCase.lower(text)).isSameAs(text);
    }
}
