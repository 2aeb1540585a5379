package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --ulimit} syntax; accepted values and refusals as Docker CLI 28.2.2 gave them for {@code docker create
 * --ulimit X} ({@code docker inspect -f '{{json .HostConfig.Ulimits}}'}, this machine, 2026-12). One difference: the
 * CLI sends {@code nofile=-5} as -5 (the kernel then fails); gpuenv refuses it.
 */
class UlimitTest {

    @Test
    void readsSoftAndHard() {
        assertThat(Ulimit.parse("memlock=-1")).isEqualTo(Ulimit.of("memlock", -1, -1)).isEqualTo(Ulimit.unlimited("memlock"));
        assertThat(Ulimit.parse("stack=67108864")).isEqualTo(Ulimit.of("stack", 67108864, 67108864));
        assertThat(Ulimit.parse("nofile=1024:65536")).isEqualTo(Ulimit.of("nofile", 1024, 65536));
        assertThat(Ulimit.parse("nofile=10:-1")).isEqualTo(Ulimit.of("nofile", 10, -1));
        assertThat(Ulimit.parse("nproc=+5")).isEqualTo(Ulimit.of("nproc", 5, 5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nofile=10:5|ulimit soft limit must be less than or equal to hard limit: 10 > 5",
            "nofile=-1:5|ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 5",
            "foo=1|invalid ulimit type: 'foo'",
            "MEMLOCK=1|invalid ulimit type",
            "nofile|invalid ulimit argument: 'nofile'",
            "nofile=1:2:3|too many limit value arguments",
            "nofile=x|invalid ulimit value 'x'",
            "nofile=|invalid ulimit value ''",
            "nofile=-5|a limit is -1 (unlimited) or a number >= 0",
            "nofile=99999999999999999999|ulimit value out of range",
            "nofile=１|invalid ulimit value",
            "=1|invalid ulimit type: ''"})
    void refusesWhatTheDockerCliRefuses(String spec, String message) {
        assertThatThrownBy(() -> Ulimit.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void toStringReadsBack() {
        assertThat(Ulimit.parse("memlock=-1")).hasToString("memlock=-1");
        assertThat(Ulimit.parse("nofile=1024:65536")).hasToString("nofile=1024:65536");
        for (String name : Ulimit.NAMES) {
            Ulimit u = Ulimit.of(name, 1, 2);
            assertThat(Ulimit.parse(u.toString())).isEqualTo(u);
        }
        assertThatThrownBy(() -> Ulimit.parse("nofile=" + "9".repeat(1_000_000)))
                .isInstanceOf(IllegalArgumentException.class).matches(e -> e.getMessage().length() < 400, "short");
    }
}
