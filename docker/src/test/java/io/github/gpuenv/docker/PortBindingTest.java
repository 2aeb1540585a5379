package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -p} syntax. Expected bindings are what Docker CLI 28.2.2 sent to Engine 20.10 for {@code docker create -p X}
 * ({@code docker inspect -f '{{json .HostConfig.PortBindings}}'}, this machine, 2026-12), and the refusals its words.
 */
class PortBindingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // spec | hostIp | hostPort | hostPortEnd | containerPort | protocol
            "8080|''|0|0|8080|TCP",
            "80/udp|''|0|0|80|UDP",
            "80/UDP|''|0|0|80|UDP",
            "80/|''|0|0|80|TCP",
            ":80|''|0|0|80|TCP",
            "127.0.0.1::80|127.0.0.1|0|0|80|TCP",
            "127.0.0.1:8000:8000/tcp|127.0.0.1|8000|8000|8000|TCP",
            "8000-8010:80|''|8000|8010|80|TCP",
            "[::1]:80:80|::1|80|80|80|TCP",
            "::1:80:80|::1|80|80|80|TCP",
            "0.0.0.0:9000:9000/sctp|0.0.0.0|9000|9000|9000|SCTP",
            "080:80|''|80|80|80|TCP"})
    void readsOneMappingAsTheDockerCliDoes(String spec, String ip, int hostPort, int hostPortEnd, int containerPort,
                                           PortBinding.Protocol protocol) {
        assertThat(PortBinding.parse(spec))
                .isEqualTo(new PortBinding(ip, hostPort, hostPortEnd, containerPort, protocol));
    }

    @Test
    void aRangeOfContainerPortsIsOneBindingEach() {
        assertThat(PortBinding.parseAll("8000-8002:9000-9002")).containsExactly(
                PortBinding.of(8000, 9000), PortBinding.of(8001, 9001), PortBinding.of(8002, 9002));
        assertThat(PortBinding.parseAll("80-81")).containsExactly(PortBinding.tcp(80), PortBinding.tcp(81));
        assertThatThrownBy(() -> PortBinding.parse("80-81")).hasMessageContaining("parseAll");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80/foo|invalid proto: 'foo'",
            "8000-8001:80-82|invalid ranges specified for container and host Ports: 80-82 and 8000-8001",
            "1.2.3:80:80|invalid IP address: '1.2.3'",
            "01.2.3.4:80:80|invalid IP address",
            "localhost:80:80|invalid IP address",
            "70000:80|invalid hostPort: '70000'",
            "82-80:80|invalid hostPort: '82-80'",
            "/tcp|no port specified",
            "''|no port specified",
            "0|invalid containerPort: 0",
            "-1|invalid containerPort",
            "+80|invalid containerPort",
            "８０|invalid containerPort",
            "80:|no port specified",
            "[::1:80:80|invalid IP address"})
    void refusesWhatTheDockerCliRefuses(String spec, String message) {
        assertThatThrownBy(() -> PortBinding.parseAll(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void factoriesAndToStringReadBack() {
        assertThat(PortBinding.tcp(8080).randomHostPort()).isTrue();
        assertThat(PortBinding.of(8000, 80).randomHostPort()).isFalse();
        assertThat(PortBinding.of(8000, 80).onHostIp("127.0.0.1")).hasToString("127.0.0.1:8000:80/tcp");
        assertThat(PortBinding.tcp(8080)).hasToString("8080/tcp");
        assertThat(PortBinding.tcp(53).withProtocol(PortBinding.Protocol.UDP).onHostIp("::1"))
                .hasToString("[::1]::53/udp");
        for (String spec : List.of("8080/tcp", "127.0.0.1::80/tcp", "8000-8010:80/tcp", "[::1]:80:80/udp",
                "9000:9000/sctp")) {
            assertThat(PortBinding.parse(spec)).hasToString(spec);
            PortBinding p = PortBinding.parse(spec);
            assertThat(PortBinding.parse(p.toString())).isEqualTo(p);
        }
        assertThatThrownBy(() -> new PortBinding("", 0, 5, 80, PortBinding.Protocol.TCP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortBinding.tcp(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeInputGivesAShortMessage() {
        assertThatThrownBy(() -> PortBinding.parseAll("1".repeat(1_000_000))).isInstanceOf(IllegalArgumentException.class)
                .matches(e -> e.getMessage().length() < 400, "short");
        assertThatThrownBy(() -> PortBinding.parseAll(":".repeat(100_000) + "80"))
                .isInstanceOf(IllegalArgumentException.class).matches(e -> e.getMessage().length() < 400, "short");
    }
}
