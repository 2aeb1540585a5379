package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.internal.container.DaemonJsonParser.DaemonConfig;
import io.github.gpuenv.internal.container.NvidiaRuntimeConfigParser.RuntimeConfig;
import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NvidiaCtkVersionParser}, {@link NvidiaRuntimeConfigParser} and {@link DaemonJsonParser}. */
class ToolkitParsersTest {

    @Test
    void ctkVersionFromItsFirstLine() {
        assertThat(NvidiaCtkVersionParser.parse("NVIDIA Container Toolkit CLI version 1.17.3\ncommit: 2b2b8e3\n"))
                .contains("1.17.3");
        assertThat(NvidiaCtkVersionParser.parse("NVIDIA Container Toolkit CLI version 1.18.0-rc.1\n"))
                .contains("1.18.0-rc.1");
        assertThat(NvidiaCtkVersionParser.parse("nvidia-ctk version v1.11.0\n")).contains("1.11.0");
    }

    @Test
    void ctkVersionAbsentFromJunk() {
        assertThat(NvidiaCtkVersionParser.parse("")).isEmpty();
        assertThat(NvidiaCtkVersionParser.parse(null)).isEmpty();
        assertThat(NvidiaCtkVersionParser.parse("Incorrect Usage: flag provided but not defined: -version")).isEmpty();
        assertThat(NvidiaCtkVersionParser.parse("\u0000\u00ff".repeat(600_000))).isEmpty();
    }

    @Test
    void runtimeConfigOfTheH200CaptureHasNoCgroupsCommentedOut() {
        RuntimeConfig c = NvidiaRuntimeConfigParser.parse(Fixtures.text("h200-toolkit/config-default.toml"));

        assertThat(c.noCgroups()).isNull();
        assertThat(c.mode()).isEqualTo("auto");
    }

    @Test
    void runtimeConfigReadsNoCgroupsOnlyInItsSection() {
        String toml = "# top comment\nno-cgroups = true\n[nvidia-container-runtime]\nmode = 'legacy' # trailing\n"
                + "no-cgroups = true\n\n  [ nvidia-container-cli ]\n  no-cgroups   =   true   # set for rootless\n"
                + "path = \"/usr/bin/#not-a-comment\"\n";

        RuntimeConfig c = NvidiaRuntimeConfigParser.parse(toml);

        assertThat(c.noCgroups()).isTrue();
        assertThat(c.mode()).isEqualTo("legacy");
        assertThat(NvidiaRuntimeConfigParser.parse("nvidia-container-cli.no-cgroups = false\r\n").noCgroups()).isFalse();
        assertThat(NvidiaRuntimeConfigParser.parse("[nvidia-container-cli]\nno-cgroups = maybe\n").noCgroups()).isNull();
    }

    @Test
    void runtimeConfigToleratesJunk() {
        assertThat(NvidiaRuntimeConfigParser.parse("")).isEqualTo(new RuntimeConfig(null, ""));
        assertThat(NvidiaRuntimeConfigParser.parse(null)).isEqualTo(new RuntimeConfig(null, ""));
        assertThat(NvidiaRuntimeConfigParser.parse("[nvidia-container-cli\nno-cgroups = true\n= x\n[[").noCgroups())
                .isNull();
        assertThat(NvidiaRuntimeConfigParser.parse(binary(1024 * 1024))).isEqualTo(new RuntimeConfig(null, ""));
    }

    @Test
    void daemonJsonOfTheH200CaptureRegistersNvidiaAndCdi() {
        DaemonConfig c = DaemonJsonParser.parse(Fixtures.bytes("h200-toolkit/daemon-after-configure.json"));

        assertThat(c).isEqualTo(new DaemonConfig(true, null, true, List.of(), ""));
    }

    @Test
    void daemonJsonReadsDefaultRuntimeAndSpecDirs() {
        DaemonConfig c = DaemonJsonParser.parse(utf8("{\"default-runtime\":\"nvidia\",\"features\":{\"cdi\":false},"
                + "\"cdi-spec-dirs\":[\"/etc/cdi\",\"\",7,\"/opt/cdi\"],\"runtimes\":[]}"));

        assertThat(c).isEqualTo(new DaemonConfig(false, "nvidia", false, List.of("/etc/cdi", "/opt/cdi"), ""));
    }

    @Test
    void anEmptyDaemonJsonIsAnEmptyConfiguration() {
        assertThat(DaemonJsonParser.parse(utf8(""))).isEqualTo(new DaemonConfig(false, null, null, List.of(), ""));
        assertThat(DaemonJsonParser.parse(utf8(" \n"))).isEqualTo(new DaemonConfig(false, null, null, List.of(), ""));
        assertThat(DaemonJsonParser.parse(null).problem()).isEmpty();
    }

    @Test
    void brokenDaemonJsonSaysWhy() {
        byte[] capture = Fixtures.bytes("h200-toolkit/daemon-after-configure.json");
        byte[] truncated = Arrays.copyOf(capture, capture.length / 2);

        assertThat(DaemonJsonParser.parse(truncated).problem()).startsWith("not valid JSON: ");
        assertThat(DaemonJsonParser.parse(truncated).nvidiaRuntime()).isFalse();
        assertThat(DaemonJsonParser.parse(utf8("[1,2]")).problem()).isEqualTo("not a JSON object");
        assertThat(DaemonJsonParser.parse(utf8("{\"a\":1} {\"b\":2}")).problem()).startsWith("not valid JSON: ");
        assertThat(DaemonJsonParser.parse(utf8("{ // comment\n}")).problem()).startsWith("not valid JSON: ");
        assertThat(DaemonJsonParser.parse(binary(4096).getBytes(StandardCharsets.ISO_8859_1)).problem())
                .startsWith("not valid JSON: ");
    }

    @Test
    void aMegabyteDaemonJsonIsRead() {
        String big = "{\"labels\":[" + "\"x\",".repeat(300_000) + "\"y\"],\"runtimes\":{\"nvidia\":{}}}";

        assertThat(big.length()).isGreaterThan(1024 * 1024);
        assertThat(DaemonJsonParser.parse(utf8(big)).nvidiaRuntime()).isTrue();
    }

    static String binary(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 37 + 11);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
