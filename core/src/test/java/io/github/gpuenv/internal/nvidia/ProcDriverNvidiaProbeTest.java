package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcDriverNvidiaProbeTest {

    @TempDir
    Path root;

    @Test
    void h200Procfs() {
        FakeCommandRunner runner = new FakeCommandRunner();
        Fact<NvidiaDriver> fact = new ProcDriverNvidiaProbe().probe(
                ProbeContexts.linux(Fixtures.path("h200-linux/root"), runner));

        assertThat(fact).isEqualTo(Fact.known(new NvidiaDriver("580.159.04", "", "procfs", List.of(
                new GpuDevice(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", "0000:00:06.0",
                        null, null, null))), "procfs"));
        assertThat(runner.received()).as("reads files only").isEmpty();
    }

    @Test
    void gpusAreNumberedByBusIdAndExcludedOnesLeftOut() throws IOException {
        write("proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19\n");
        gpu("0000:86:00.0", "Model: \t\t NVIDIA A100\nGPU UUID: \t GPU-c\nBus Location: \t 0000:86:00.0\n");
        gpu("0000:1a:00.0", "Model: \t\t NVIDIA A100\nGPU UUID: \t GPU-a\nBus Location: \t 0000:1a:00.0\n");
        gpu("0000:3b:00.0", "Model: \t\t NVIDIA A100\nGPU UUID: \t GPU-x\nBus Location: \t 0000:3b:00.0\n"
                + "GPU Excluded: \t Yes\n");
        gpu("0000:5e:00.0", "\0\0\0");

        NvidiaDriver driver = new ProcDriverNvidiaProbe().probe(ProbeContexts.linux(root, new FakeCommandRunner()))
                .value();

        assertThat(driver.gpus()).containsExactly(
                new GpuDevice(0, "NVIDIA A100", "GPU-a", "0000:1a:00.0", null, null, null),
                new GpuDevice(1, "", null, "0000:5e:00.0", null, null, null,
                        "/proc/driver/nvidia/gpus/0000:5e:00.0/information is missing or unrecognized"),
                new GpuDevice(2, "NVIDIA A100", "GPU-c", "0000:86:00.0", null, null, null));
    }

    @Test
    void loadedModuleWithoutGpusIsKnownAndEmpty() throws IOException {
        write("proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04\n");
        assertThat(new ProcDriverNvidiaProbe().probe(ProbeContexts.linux(root, new FakeCommandRunner())))
                .isEqualTo(Fact.known(new NvidiaDriver("580.159.04", "", "procfs", List.of()), "procfs"));
    }

    @Test
    void missingVersionFileIsNotFound() {
        Fact<NvidiaDriver> fact = new ProcDriverNvidiaProbe().probe(ProbeContexts.linux(root, new FakeCommandRunner()));
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains("/proc/driver/nvidia/version");
    }

    @Test
    void garbageVersionFileIsUnrecognized() throws IOException {
        write("proc/driver/nvidia/version", "\u0001binary\u0002");
        assertThat(new ProcDriverNvidiaProbe().probe(ProbeContexts.linux(root, new FakeCommandRunner()))
                .unknownReason()).contains(Reason.UNRECOGNIZED_OUTPUT);
    }

    @Test
    void notLinuxIsNotApplicable() {
        assertThat(new ProcDriverNvidiaProbe().probe(ProbeContexts.of("Windows 11", Fixtures.path("h200-linux/root"),
                new FakeCommandRunner(), UnaryOperator.identity())).unknownReason()).contains(Reason.NOT_APPLICABLE);
    }

    private void gpu(String bus, String information) throws IOException {
        write("proc/driver/nvidia/gpus/" + bus + "/information", information);
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
