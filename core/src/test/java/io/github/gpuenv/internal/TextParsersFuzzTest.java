package io.github.gpuenv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.config.DurationText;
import io.github.gpuenv.testing.FuzzText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link VersionNumber#parse} and {@link DurationText}: never a throw beyond the documented
 * {@link IllegalArgumentException} of {@code parseStrict}, bounded time, and round-trip invariants. The corpus is
 * {@code src/test/resources/io/github/gpuenv/internal/TextParsersFuzzTestInputs/<method>/}; an empty input also
 * stands for an absent value ({@code null}). {@code JAZZER_FUZZ=1} fuzzes one method (see {@code .ci/fuzz-long.sh}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TextParsersFuzzTest {

    private static final Duration FALLBACK = Duration.ofMillis(4242);

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"v", "V", ".", "-microsoft-standard-WSL2", "580.159.04", "10.0.19045.3803", "999999999"})
    void versionNumber(byte[] input) {
        List<String> texts = FuzzText.all(input, List.of("v", "", "Linux version "));
        for (String text : texts) {
            VersionNumber.parse(text).ifPresent(v -> {
                assertThat(v.size()).isBetween(1, VersionNumber.MAX_COMPONENTS);
                for (int i = 0; i < v.size(); i++) {
                    assertThat(v.component(i)).isNotNegative();
                }
                Optional<VersionNumber> again = VersionNumber.parse(v.toString());
                assertThat(again).contains(v);
                assertThat(again.get().toString()).isEqualTo(v.toString());
                assertThat(again.get().hashCode()).isEqualTo(v.hashCode());
            });
        }
        for (String other : texts) {
            Optional<Integer> ab = VersionNumber.compare(texts.get(0), other);
            Optional<Integer> ba = VersionNumber.compare(other, texts.get(0));
            assertThat(ab.map(c -> -c)).isEqualTo(ba);
        }
        if (input.length == 0) {
            assertThat(VersionNumber.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"ms", "s", "m", "h", "PT", "P", "D", "T", "H", "M", "S", "-", "999999999"})
    void durationText(byte[] input) {
        for (String text : FuzzText.all(input, List.of("", "PT", "P"))) {
            duration(text);
        }
        if (input.length == 0) {
            duration(null);
        }
    }

    /**
     * Finding 1 ({@code durationText}, corpus file {@code timeout-3f95dcb9…}, whose structured reading was a megabyte
     * of {@code "PT : 3ßßßßßßß"} lines): {@code parseStrict} took 43 s in {@code toUpperCase} (ß → SS is quadratic
     * in JDK 17 and 25). The class's {@code @Timeout} bounds this test.
     */
    @Test
    void aMegabyteOfSharpSIsNoDurationAndCostsNoTime() {
        String text = "PT : 3\u00df\u00df\u00df\u00df\u00df\u00df\u00df\n".repeat(80_000);

        assertThat(DurationText.parse(text, FALLBACK)).isSameAs(FALLBACK);
        assertThat(DurationText.parse("pt3s", FALLBACK)).isEqualTo(Duration.ofSeconds(3));
    }

    private static void duration(String text) {
        Duration lenient = DurationText.parse(text, FALLBACK);
        assertThat(lenient.isNegative() || lenient.isZero()).isFalse();
        try {
            Duration strict = DurationText.parseStrict(text);
            assertThat(strict).isEqualTo(lenient);
        } catch (IllegalArgumentException documented) {
            assertThat(lenient).isSameAs(FALLBACK);
        }
    }
}
