package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ProcCgroupParser} and {@link MountInfoParser}. */
class ContainerMarkerParsersTest {

    @Test
    void cgroupNamesTheEngine() {
        assertThat(ProcCgroupParser.parse(Fixtures.text("docker-container/root/proc/1/cgroup"))).contains("docker");
        assertThat(ProcCgroupParser.parse("0::/system.slice/docker-3f9a0c1e5d7b.scope\n")).contains("docker");
        assertThat(ProcCgroupParser.parse("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/"
                + "cri-containerd-ab12.scope\n")).contains("kubernetes");
        assertThat(ProcCgroupParser.parse("11:devices:/kubepods/burstable/pod7/docker/ab12\n")).contains("kubernetes");
        assertThat(ProcCgroupParser.parse("0::/machine.slice/libpod-ab12.scope/container\n")).contains("podman");
        assertThat(ProcCgroupParser.parse("0::/system.slice/nerdctl-ab12.scope\n")).contains("containerd");
        assertThat(ProcCgroupParser.parse("0::/lxc.payload.c1/init.scope\n")).contains("lxc");
    }

    @Test
    void cgroupThatNamesNoEngineSaysNothing() {
        assertThat(ProcCgroupParser.parse("0::/\n")).isEmpty();
        assertThat(ProcCgroupParser.parse("0::/init.scope\n")).isEmpty();
        assertThat(ProcCgroupParser.parse(Fixtures.text("h200-container/root/proc/1/cgroup"))).isEmpty();
        assertThat(ProcCgroupParser.parse(Fixtures.text("no-toolkit/root/proc/1/cgroup"))).isEmpty();
        assertThat(ProcCgroupParser.parse("")).isEmpty();
        assertThat(ProcCgroupParser.parse(null)).isEmpty();
        assertThat(ProcCgroupParser.parse(binary())).isEmpty();
        assertThat(ProcCgroupParser.parse("docker\n".repeat(200_000))).isEmpty();
    }

    @Test
    void mountinfoFindsDockerBindMountsAndOverlayRoots() {
        assertThat(MountInfoParser.parse(Fixtures.text("docker-container/root/proc/self/mountinfo"))).contains("docker");
        String podmanRoot = "500 400 0:45 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/containers/storage/"
                + "overlay/l/ABC,upperdir=/var/lib/containers/storage/overlay/1/diff,workdir=/var/lib/containers/"
                + "storage/overlay/1/work\n";
        assertThat(MountInfoParser.parse(podmanRoot)).contains("podman");
    }

    @Test
    void mountinfoWithoutEngineMarksSaysNothing() {
        assertThat(MountInfoParser.parse(Fixtures.text("h200-container/root/proc/self/mountinfo"))).isEmpty();
        String liveCdOverlay = "30 1 0:26 / / rw,relatime - overlay /cow rw,lowerdir=/filesystem.squashfs,upperdir=/cow/upper\n";
        assertThat(MountInfoParser.parse(liveCdOverlay)).isEmpty();
        assertThat(MountInfoParser.parse("truncated line - \n")).isEmpty();
        assertThat(MountInfoParser.parse("")).isEmpty();
        assertThat(MountInfoParser.parse(null)).isEmpty();
        assertThat(MountInfoParser.parse(binary())).isEmpty();
    }

    private static String binary() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void bothAreEmptyOptionalsNotNulls() {
        assertThat(ProcCgroupParser.parse("x")).isEqualTo(Optional.empty());
        assertThat(MountInfoParser.parse("x")).isEqualTo(Optional.empty());
    }
}
