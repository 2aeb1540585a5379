package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.internal.PreflightHostScope.HostScope;
import io.github.gpuenv.docker.internal.PreflightHostScope.Trust;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether this process's NVIDIA facts are the engine host's, decided from the real Engine 26.1 {@code /info}
 * ({@code fixtures/engine-26.1}: kernel 6.18.44-fc-v669, MemTotal 25276502016) and the H200 host's (its raw
 * {@code /info} from {@code h200-toolkit}).
 */
class PreflightHostScopeTest {

    private static final byte[] INFO26 = Fixtures.bytes("engine-26.1/info.json");
    private static final String KERNEL = "6.18.44-fc-v669";
    private static final long MEM = 25_276_502_016L;
    private static final Fact<ContainerEnvironment> NOT_IN_A_CONTAINER = Fact.known(new ContainerEnvironment(false, "",
            null, null, null, null, List.of()), "markers");

    private static PreflightEngineHost at(String endpoint) {
        return PreflightEngineHost.parse(endpoint, false, INFO26);
    }

    private static HostScope decide(PreflightEngineHost engine, String kernel, Long mem,
                                    Fact<ContainerEnvironment> container) {
        return PreflightHostScope.decide(false, engine, () -> kernel, () -> mem, () -> container);
    }

    @Test
    void theEnginesInfoIsReadInGoArchTerms() {
        PreflightEngineHost e = at("unix:///run/gpuenv-docker26/docker.sock");
        assertThat(e.architecture()).isEqualTo("amd64");
        assertThat(e.os()).isEqualTo("linux");
        assertThat(e.kernel()).isEqualTo(KERNEL);
        assertThat(e.memTotalBytes()).isEqualTo(MEM);
        PreflightEngineHost h200 = PreflightEngineHost.parse("unix:///var/run/docker.sock", false,
                Fixtures.bytes("h200-toolkit/docker-info-with-nvidia-runtime.json"));
        assertThat(h200.os()).isEqualTo("linux");
        assertThat(PreflightEngineHost.parse("x", false, "not json".getBytes()).architecture()).isEmpty();
        assertThat(PreflightEngineHost.parse("x", false, null).memTotalBytes()).isZero();
        assertThat(PreflightEngineHost.goArch("aarch64")).isEqualTo("arm64");
        assertThat(PreflightEngineHost.goArch("armv7l")).isEqualTo("arm");
        assertThat(PreflightEngineHost.goArch("s390x")).isEqualTo("s390x");
    }

    @Test
    void aLocalSocketOnThisKernelAndMemoryIsTheEngineHost() {
        HostScope s = decide(at("unix:///run/gpuenv-docker26/docker.sock"), KERNEL, MEM, NOT_IN_A_CONTAINER);
        assertThat(s.trust()).isEqualTo(Trust.ENGINE_HOST);
    }

    @Test
    void tcpSshAndNamedPipesMayBeAnotherMachine() {
        for (String endpoint : List.of("tcp://127.0.0.1:2375", "tcp://gpu-box:2376", "ssh://me@gpu-box",
                "npipe:////./pipe/docker_engine")) {
            HostScope s = decide(at(endpoint), KERNEL, MEM, NOT_IN_A_CONTAINER);
            assertThat(s.trust()).as(endpoint).isEqualTo(Trust.NONE);
            assertThat(s.reason()).contains(endpoint);
        }
    }

    @Test
    void anotherKernelOrMemoryBehindAUnixSocketIsAnotherMachine() {
        PreflightEngineHost e = at("unix:///tmp/forwarded.sock");
        assertThat(decide(e, "6.18.44-fc-v973-gpu", MEM, NOT_IN_A_CONTAINER).reason())
                .contains("kernel (6.18.44-fc-v669) is not this machine's (6.18.44-fc-v973-gpu)");
        assertThat(decide(e, KERNEL, MEM - 4096, NOT_IN_A_CONTAINER).trust()).isEqualTo(Trust.NONE);
        assertThat(decide(e, null, MEM, NOT_IN_A_CONTAINER).trust()).isEqualTo(Trust.NONE);
        assertThat(decide(e, KERNEL, null, NOT_IN_A_CONTAINER).trust()).isEqualTo(Trust.NONE);
        assertThat(decide(PreflightEngineHost.parse("unix:///x", false, "{}".getBytes()), KERNEL, MEM,
                NOT_IN_A_CONTAINER).trust()).isEqualTo(Trust.NONE);
    }

    @Test
    void dockerDesktopIsAVm() {
        HostScope s = decide(PreflightEngineHost.parse("unix:///var/run/docker.sock", true, INFO26), KERNEL, MEM,
                NOT_IN_A_CONTAINER);
        assertThat(s.trust()).isEqualTo(Trust.NONE);
        assertThat(s.reason()).contains("Docker Desktop");
    }

    @Test
    void aContainerWithoutTheEngineTrustsTheDriverOnly() {
        Fact<ContainerEnvironment> sibling = Fact.known(new ContainerEnvironment(true, "docker", "0", null, null, null,
                List.of("/.dockerenv exists"), false), "markers");
        assertThat(decide(at("unix:///var/run/docker.sock"), KERNEL, MEM, sibling).trust()).isEqualTo(Trust.DRIVER_ONLY);
        Fact<ContainerEnvironment> engineInside = Fact.known(new ContainerEnvironment(true, "docker", "0", null, null,
                null, List.of("/.dockerenv exists"), true), "markers");
        assertThat(decide(at("unix:///var/run/docker.sock"), KERNEL, MEM, engineInside).trust())
                .isEqualTo(Trust.ENGINE_HOST);
        assertThat(decide(at("unix:///var/run/docker.sock"), KERNEL, MEM, Fact.unknown(Reason.PROBE_ERROR, "x"))
                .trust()).isEqualTo(Trust.DRIVER_ONLY);
    }

    @Test
    void factsGivenAsTheEngineHostsAreTrustedWithoutAsking() {
        HostScope s = PreflightHostScope.decide(true, at("tcp://far-away:2376"), () -> {
            throw new AssertionError("not asked");
        }, () -> {
            throw new AssertionError("not asked");
        }, () -> {
            throw new AssertionError("not asked");
        });
        assertThat(s.trust()).isEqualTo(Trust.ENGINE_HOST);
    }
}
