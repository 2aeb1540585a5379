package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's workload options: what each keeps, what it refuses and how it says so. */
class RunOptionsWorkloadTest {

    @Test
    void optionsAreKeptAndCopiedByToBuilder() {
        RunOptions o = RunOptions.builder("img").network("bridge").volume("/d:/d:ro").workingDir("/w")
                .entrypoint("sh").name("n1").shmSize("1g").ipc("host").ulimit("nofile=1:2").ulimit("nofile=3:4")
                .publish("8080").addHost("a:1.2.3.4").cpus("0.5").cpusetCpus("0").init(true).outliveSession(true)
                .stopTimeout(Duration.ofSeconds(3)).memory("512m").label("team", "ml").build();
        RunOptions copy = o.toBuilder().build();
        for (RunOptions r : new RunOptions[] {o, copy}) {
            assertThat(r.mounts()).containsExactly(Mount.parse("/d:/d:ro"));
            assertThat(r.workingDir()).hasValue("/w");
            assertThat(r.entrypoint()).hasValue(java.util.List.of("sh"));
            assertThat(r.name()).hasValue("n1");
            assertThat(r.shmSizeBytes()).hasValue(1L << 30);
            assertThat(r.ipc()).hasValue(IpcMode.HOST);
            assertThat(r.ulimits()).as("a later ulimit of one name replaces the earlier")
                    .containsExactly(Ulimit.of("nofile", 3, 4));
            assertThat(r.ports()).containsExactly(PortBinding.tcp(8080));
            assertThat(r.extraHosts()).containsExactly(ExtraHost.of("a", "1.2.3.4"));
            assertThat(r.nanoCpus()).hasValue(500_000_000L);
            assertThat(r.cpusetCpus()).hasValue("0");
            assertThat(r.init()).isTrue();
            assertThat(r.outliveSession()).isTrue();
            assertThat(r.stopTimeout()).hasValue(Duration.ofSeconds(3));
            assertThat(r.memoryLimitBytes()).hasValue(512L << 20);
            assertThat(r.labels()).containsEntry("team", "ml");
        }
        assertThat(RunOptions.builder("img").shmSize("0").build().shmSizeBytes()).as("0: the engine's default").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "host", "container:abc"})
    void portsNeedANetworkThatPublishes(String network) {
        RunOptions.Builder b = RunOptions.builder("img").publish("8080");
        if (!network.equals("none")) {
            b.network(network);
        }
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("published ports need a network").hasMessageContaining("network(\"bridge\")");
        assertThat(RunOptions.builder("img").publish("8080").network("bridge").build().ports()).hasSize(1);
    }

    @Test
    void refusals() {
        RunOptions.Builder b = RunOptions.builder("img");
        assertThatThrownBy(() -> b.workingDir("work")).hasMessageContaining("needs to be an absolute path");
        assertThatThrownBy(() -> b.name("a")).hasMessageContaining("invalid container name");
        assertThatThrownBy(() -> b.name("-x")).hasMessageContaining("invalid container name");
        assertThatThrownBy(() -> b.name("a/b")).hasMessageContaining("invalid container name");
        assertThatThrownBy(() -> b.label("io.github.gpuenv.outlive-session", "true"))
                .hasMessageContaining("gpuenv's own");
        assertThatThrownBy(() -> b.label("", "x")).hasMessageContaining("empty label key");
        assertThatThrownBy(() -> b.shmSizeBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.nanoCpus(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stopTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.memory("lots")).hasMessageContaining("invalid size");
        assertThatThrownBy(() -> RunOptions.builder("img").volume("/a:/x").volume("v1:/x").build())
                .hasMessageContaining("duplicate mount point: /x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5|1500000000", "3/2|1500000000", "1e-2|10000000", "0.000000001|1",
            "2|2000000000", "+1|1000000000", "10/4|2500000000"})
    void cpusAsTheDockerCliReadsThem(String text, long nanos) {
        assertThat(RunOptions.builder("img").cpus(text).build().nanoCpus()).hasValue(nanos);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.0000000001|value is too precise", "1/3|value is too precise",
            "-1|must be above 0", "0|must be above 0", "abc|as a rational number", "1/0|as a rational number",
            "''|as a rational number", "1e999999|as a rational number", "1,5|as a rational number",
            "99999999999|too large"})
    void badCpusAreRefused(String text, String message) {
        assertThatThrownBy(() -> RunOptions.builder("img").cpus(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0", "x", "", "0-", ",", "0,,1", "9999", "0-3,a", "-1", "１"})
    void badCpusetsAreRefused(String text) {
        assertThatThrownBy(() -> RunOptions.builder("img").cpusetCpus(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuset");
    }
}
