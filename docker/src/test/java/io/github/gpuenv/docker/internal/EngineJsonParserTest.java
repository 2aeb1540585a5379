package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EngineJsonParserTest {

    @Test
    void engine20VersionAndInfo() {
        EngineVersion v = EngineJsonParser.parseVersion(Fixtures.bytes("engine-20.10/version.json")).orElseThrow();
        assertThat(v).isEqualTo(new EngineVersion("20.10.24+dfsg1", "1.41", "1.12", "linux", "6.18.44-fc-v669",
                DockerEngine.Product.DOCKER));
        EngineInfo info = EngineJsonParser.parseInfo(Fixtures.bytes("engine-20.10/info.json")).orElseThrow();
        assertThat(info.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(info.runtimes()).containsExactly("io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc");
        assertThat(info.defaultRuntime()).isEqualTo("runc");
        assertThat(info.cdiSpecDirs()).isEmpty();
        assertThat(info.discoveredDevices()).isEmpty();
        assertThat(info.cgroupDriver()).isEqualTo("cgroupfs");
        assertThat(info.cgroupVersion()).isEqualTo("1");
        assertThat(info.operatingSystem()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(info.rootless()).isFalse();
        assertThat(info.dockerDesktop()).isFalse();
        assertThat(info.hasNvidiaRuntime()).isFalse();
    }

    @Test
    void engine26HasCdiSpecDirs() {
        EngineVersion v = EngineJsonParser.parseVersion(Fixtures.bytes("engine-26.1/version.json")).orElseThrow();
        assertThat(v.version()).isEqualTo("26.1.5+dfsg1");
        assertThat(v.apiVersion()).isEqualTo("1.45");
        assertThat(v.minApiVersion()).isEqualTo("1.24");
        EngineInfo info = EngineJsonParser.parseInfo(Fixtures.bytes("engine-26.1/info.json")).orElseThrow();
        assertThat(info.cdiSpecDirs()).containsExactly("/etc/gpuenv-cdi26");
        assertThat(info.runtimes()).containsExactly("io.containerd.runc.v2", "runc");
        assertThat(info.securityOptions()).containsExactly("name=seccomp,profile=builtin");
    }

    @Test
    void podman54IsRecognisedByItsVersionComponents() {
        EngineVersion v = EngineJsonParser.parseVersion(Fixtures.bytes("podman-5.4/version.json")).orElseThrow();
        assertThat(v).isEqualTo(new EngineVersion("5.4.2", "1.41", "1.24", "linux", "6.18.44-fc-v1045",
                DockerEngine.Product.PODMAN));
        EngineInfo info = EngineJsonParser.parseInfo(Fixtures.bytes("podman-5.4/info.json")).orElseThrow();
        assertThat(info.serverVersion()).isEqualTo("5.4.2");
        assertThat(info.cdiSpecDirs()).isEmpty();
        assertThat(info.defaultRuntime()).isEqualTo("runc");
        assertThat(info.runtimes()).contains("crun", "runc").doesNotContain("nvidia");
        assertThat(EngineJsonParser.parseVersion(Fixtures.bytes("engine-26.1/version.json")).orElseThrow().product())
                .isEqualTo(DockerEngine.Product.DOCKER);
        // a component of another name, or of the wrong shape, is not Podman
        assertThat(EngineJsonParser.parseVersion(("{\"Version\":\"1\",\"Components\":[{\"Name\":\"Engine\"},7,"
                + "{\"Name\":[\"Podman Engine\"]}]}").getBytes(StandardCharsets.UTF_8)).orElseThrow().product())
                .isEqualTo(DockerEngine.Product.DOCKER);
    }

    @Test
    void h200CaptureHasTheNvidiaRuntime() {
        EngineInfo info = EngineJsonParser.parseInfo(
                Fixtures.bytes("h200-toolkit/docker-info-with-nvidia-runtime.json")).orElseThrow();
        assertThat(info.hasNvidiaRuntime()).isTrue();
        assertThat(info.defaultRuntime()).isEqualTo("runc");
        assertThat(info.cdiSpecDirs()).containsExactly("/etc/cdi", "/var/run/cdi");
        assertThat(info.cgroupVersion()).isEqualTo("2");
        assertThat(info.operatingSystem()).isEqualTo("Ubuntu 24.04.3 LTS (containerized)");
    }

    @Test
    void discoveredDevicesRootlessAndDesktop() {
        // shapes of API 1.49 (DiscoveredDevices) and of Docker Desktop / rootless engines
        String json = "{\"ServerVersion\":\"28.3.0\",\"OperatingSystem\":\"Docker Desktop\","
                + "\"SecurityOptions\":[\"name=seccomp,profile=builtin\",\"name=rootless\"],"
                + "\"DiscoveredDevices\":[{\"Source\":\"cdi\",\"ID\":\"nvidia.com/gpu=0\"},"
                + "{\"Source\":\"other\",\"ID\":\"x\"},{\"ID\":\"nvidia.com/gpu=all\"},7]}";
        EngineInfo info = EngineJsonParser.parseInfo(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(info.discoveredDevices()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=all");
        assertThat(info.rootless()).isTrue();
        assertThat(info.dockerDesktop()).isTrue();
    }

    @Test
    void garbageIsEmptyNeverAThrow() {
        byte[] full = Fixtures.bytes("engine-26.1/info.json");
        for (int cut : new int[] {0, 1, 17, full.length / 2, full.length - 3}) {
            assertThat(EngineJsonParser.parseInfo(Arrays.copyOf(full, cut))).isEmpty();
        }
        assertThat(EngineJsonParser.parseInfo(new byte[] {0, (byte) 0xff, 0x7b, 0x22})).isEmpty();
        assertThat(EngineJsonParser.parseInfo("[1,2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EngineJsonParser.parseVersion("{\"Foo\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EngineJsonParser.parseVersion(null)).isEmpty();
        // wrong types read as absent
        EngineInfo odd = EngineJsonParser.parseInfo("{\"ServerVersion\":\"1\",\"Runtimes\":[1],\"CDISpecDirs\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(odd.runtimes()).isEmpty();
        assertThat(odd.cdiSpecDirs()).isEmpty();
    }

    @Test
    void errorMessageUnwrapsTheDaemonsJson() {
        assertThat(EngineJsonParser.errorMessage("{\"message\":\"client version 1.32 is too old\"}\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("client version 1.32 is too old");
        assertThat(EngineJsonParser.errorMessage("plain text\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("plain text");
    }
}
