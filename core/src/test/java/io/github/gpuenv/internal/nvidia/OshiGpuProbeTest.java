package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OshiGpuProbeTest {

    @Test
    void nvidiaCardsOnlyNameOnly() {
        Fact<NvidiaDriver> fact = OshiGpuProbe.fromCards(List.of(
                new OshiGpuProbe.Card("Intel UHD Graphics 770", "Intel Corporation", "DriverVersion=31.0.101.4502"),
                new OshiGpuProbe.Card("NVIDIA GeForce RTX 4080 SUPER", "NVIDIA", "DriverVersion=32.0.16.1088"),
                new OshiGpuProbe.Card("GH100 [H200 SXM 141GB]", "NVIDIA Corporation (0x10de)", "unknown")));
        assertThat(fact).isEqualTo(Fact.known(new NvidiaDriver("610.88", "", "oshi", List.of(
                new GpuDevice(0, "NVIDIA GeForce RTX 4080 SUPER", null, null, null, null, null),
                new GpuDevice(1, "GH100 [H200 SXM 141GB]", null, null, null, null, null))), "oshi"));
    }

    @Test
    void linuxVersionInfoIsNotADriverVersion() {
        assertThat(OshiGpuProbe.fromCards(List.of(new OshiGpuProbe.Card("GH100", "0x10de", "a1"))).value()
                .driverVersion()).isNull();
    }

    @Test
    void noNvidiaCardIsNotFoundNotEmpty() {
        Fact<NvidiaDriver> fact = OshiGpuProbe.fromCards(List.of(
                new OshiGpuProbe.Card("Virtio GPU", "Red Hat, Inc.", null)));
        assertThat(fact).isEqualTo(Fact.unknown(Reason.NOT_FOUND,
                "OSHI lists no NVIDIA graphics card (1 card(s) in all)"));
        assertThat(OshiGpuProbe.fromCards(List.of()).unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(OshiGpuProbe.fromCards(List.of(new OshiGpuProbe.Card(null, null, null))).unknownReason())
                .contains(Reason.NOT_FOUND);
    }

    @Test
    void notUsedUnderAFixtureRoot() {
        assertThat(new OshiGpuProbe().probe(ProbeContexts.linux(Fixtures.path("h200-linux/root"),
                new FakeCommandRunner())).unknownReason()).contains(Reason.NOT_APPLICABLE);
    }

    @Test
    void liveMachineNeverThrowsAndNeverSaysNone() {
        Fact<NvidiaDriver> fact = new OshiGpuProbe().probe(ProbeContexts.of(System.getProperty("os.name"),
                Path.of("/"), new FakeCommandRunner(), UnaryOperator.identity()));
        if (fact.isKnown()) {
            assertThat(fact.value().gpus()).isNotEmpty().allSatisfy(g -> assertThat(g.uuid()).isNull());
        } else {
            assertThat(fact.unknownReason()).get().isIn(Reason.NOT_FOUND, Reason.COMMAND_FAILED);
        }
    }
}
