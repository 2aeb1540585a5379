package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals as Go's {@code net.ParseIP} reads them (what the Docker CLI checks {@code -p} and {@code --add-host} with). */
class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::1",
            "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "ABCD:ef01::",
            "1::2:3:4:5:6:7"})
    void valid(String text) {
        assertThat(IpLiteral.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.0.0.1", "1.2.3.-4", "a.b.c.d", "1..2.3",
            ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "fe80::1%eth0", "[::1]", "1.2.3.4::",
            "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "1::2:3:4:5:6:7:8", ":1::", "1:", "localhost", "１.2.3.4",
            "1.2.3.4 ", " ::1", "::ffff:01.2.3.4"})
    void invalid(String text) {
        assertThat(IpLiteral.isValid(text)).isFalse();
    }
}
