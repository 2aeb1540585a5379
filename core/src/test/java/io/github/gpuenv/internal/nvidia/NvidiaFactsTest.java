package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.ProbeAttempt;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.internal.probe.DetectionRunner;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain through the detection runner, over fixture roots. */
class NvidiaFactsTest {

    @TempDir
    Path empty;

    @Test
    void chainOrder() {
        assertThat(NvidiaFacts.nvidia().probes()).extracting(p -> p.id())
                .containsExactly("nvml", "procfs", "nvidia-smi", "oshi");
    }

    @Test
    void h200RootIsAnsweredByProcfsWithoutLoadingNvml() {
        DetectionRunner runner = new DetectionRunner(ProbeContexts.linux(Fixtures.path("h200-linux/root"),
                new FakeCommandRunner()));
        Map<String, Fact<?>> facts = runner.run(List.of(NvidiaFacts.nvidia()));

        assertThat(facts.get("nvidia")).isEqualTo(Fact.known(new NvidiaDriver("580.159.04", "", "procfs", List.of(
                new GpuDevice(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", "0000:00:06.0", null,
                        null, null))), "procfs"));
        assertThat(runner.attempts()).extracting(ProbeAttempt::probe, ProbeAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nvml", "skipped"),
                        org.assertj.core.groups.Tuple.tuple("procfs", "known"));
    }

    @Test
    void withoutProcfsNvidiaSmiAnswers() {
        FakeCommandRunner commands = new FakeCommandRunner()
                .onFile(NvidiaSmiGpuProbe.queryArgv("nvidia-smi", NvidiaSmiCsvParser.FIELDS),
                        Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"))
                .onFile(NvidiaSmiGpuProbe.cudaArgv("nvidia-smi"), Fixtures.path("h200-linux/cmd/nvidia-smi-q.txt"));
        Fact<?> fact = new DetectionRunner(ProbeContexts.linux(empty, commands)).run(List.of(NvidiaFacts.nvidia()))
                .get("nvidia");
        assertThat(fact.isKnown()).isTrue();
        NvidiaDriver driver = (NvidiaDriver) fact.value();
        assertThat(driver.source()).isEqualTo("nvidia-smi");
        assertThat(driver.cudaDriverVersion()).isEqualTo("13.0");
        assertThat(driver.gpus().get(0).memoryTotalBytes()).isEqualTo(150_754_820_096L);
    }

    @Test
    void nothingAnywhereIsNotFoundNamingEveryProbe() {
        ProbeContext context = ProbeContexts.linux(empty, new FakeCommandRunner());
        Fact<?> fact = new DetectionRunner(context).run(List.of(NvidiaFacts.nvidia())).get("nvidia");
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains("nvml (skipped)", "procfs (not-found)", "nvidia-smi (not-found)",
                "oshi (skipped)");
    }

    @Test
    void aDriverErrorOutranksNotFound() {
        FakeCommandRunner commands = new FakeCommandRunner().on(NvidiaSmiGpuProbe.queryArgv("nvidia-smi",
                NvidiaSmiCsvParser.FIELDS), 9, ("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA"
                + " driver.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[0]);
        Fact<?> fact = new DetectionRunner(ProbeContexts.linux(empty, commands)).run(List.of(NvidiaFacts.nvidia()))
                .get("nvidia");
        assertThat(fact.unknownReason()).contains(Reason.DRIVER_NOT_LOADED);
    }
}
