package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WslEnvironment;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link Fact}'s small API behaves like {@link java.util.Optional}'s. */
class FactTest {

    @Test
    void mapOfAKnownFact() {
        Fact<String> f = Fact.known("580.159.04", "nvml");
        Fact<Integer> length = f.map(String::length);
        assertThat(length.isKnown()).isTrue();
        assertThat(length.value()).isEqualTo(10);
        assertThat(length.describe()).isEqualTo("from nvml");
    }

    @Test
    void mapToNullIsUnknownNotApplicableInsteadOfAThrow() {
        Fact<WslEnvironment> wsl = Fact.known(WslEnvironment.outside(), "procfs");
        Fact<Integer> version = wsl.map(WslEnvironment::version);
        assertThat(version.isKnown()).isFalse();
        assertThat(version.unknownReason()).contains(Reason.NOT_APPLICABLE);
        assertThat(version.orElse(0)).isZero();
        assertThat(version.toOptional()).isEmpty();
        assertThat(version.describe()).contains("procfs");
        assertThatThrownBy(version::value).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void mapOfAnUnknownKeepsItsReasonAndNeverCallsTheMapper() {
        Fact<String> f = Fact.unknown(Reason.TIMED_OUT, "nvidia-smi hung");
        Fact<Integer> mapped = f.map(s -> {
            throw new AssertionError("must not be called");
        });
        assertThat(mapped.unknownReason()).contains(Reason.TIMED_OUT);
        assertThat(mapped.describe()).isEqualTo("timed-out: nvidia-smi hung");
    }
}
