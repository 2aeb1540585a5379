package io.github.gpuenv.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.testing.FakeNvml;
import io.github.gpuenv.testing.ReportComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of this (live) machine replays to the report it recorded. NVML answers through real JNA calls into the
 * stand-in {@code libnvidia-ml.so.1} ({@code src/test/native/fake-nvml.c}, the H200's values), configured as the
 * first library to try, so the recorded {@code nvidia} fact has a GPU that the replay must give back without loading
 * any library.
 */
class MachineCaptureRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aCaptureOfTheLiveMachineReplaysToTheReportItRecorded() throws Exception {
        Path nvml = FakeNvml.copyWithMode(FakeNvml.compile(dir.resolve("build"), null), dir.resolve("h200"), "h200");
        DetectOptions live = DetectOptions.builder().root(Path.of("/")).nvmlLibrary(nvml)
                .deadline(Duration.ofSeconds(30)).build();
        Path capture = dir.resolve("capture");

        MachineCapture.Result result = MachineCapture.captureTo(capture, live);
        assertThat(result.report().nvidia().value().gpus()).extracting(GpuDevice::name).containsExactly("NVIDIA H200");

        DetectOptions replay = DetectOptions.builder(MachineCapture.environment(capture))
                .root(capture.resolve("root")).commandRunner(MachineCapture.replay(capture)).build();
        GpuEnvReport again = GpuEnv.detect(replay);

        assertThat(again.nvidia().value().gpus()).extracting(GpuDevice::uuid)
                .containsExactly("GPU-1b122d05-8c93-e80c-c42d-a43b421ae510");
        assertThat(ReportComparison.comparable(again.toJson()))
                .isEqualTo(ReportComparison.comparable(Files.readString(capture.resolve("report.json"))));
    }
}
