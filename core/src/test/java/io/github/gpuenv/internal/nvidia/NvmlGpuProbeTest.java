package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.internal.procfs.ProcDriverVersionParser;
import io.github.gpuenv.internal.procfs.ProcGpuInformation;
import io.github.gpuenv.internal.procfs.ProcGpuInformationParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NVML probe with real JNA loading: what happens without NVML, and with files that are not NVML. */
class NvmlGpuProbeTest {

    @TempDir
    Path dir;

    @Test
    void noLibraryUnderAFixtureRootIsNotFound() throws InterruptedException {
        Fact<NvidiaDriver> fact = new NvmlGpuProbe().probe(
                ProbeContexts.linux(Fixtures.path("h200-linux/root"), new FakeCommandRunner()));
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
    }

    @Test
    void aConfiguredLibraryThatIsMissingIsNotFound() throws InterruptedException {
        Path missing = dir.resolve("libnvidia-ml.so.1");
        Fact<NvidiaDriver> fact = probe(missing);
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains(missing.toString()).contains("configured");
    }

    @Test
    void aConfiguredGarbageFileIsNotFoundNotACrash() throws IOException, InterruptedException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.so"), garbage);
        Fact<NvidiaDriver> fact = probe(file);
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains("could not load").contains(file.toString());
    }

    @Test
    void aConfiguredLibraryThatIsNotNvmlIsNotFound() throws InterruptedException {
        Optional<Path> libc = Stream.of("/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6",
                "/lib/aarch64-linux-gnu/libc.so.6", "/usr/lib64/libc.so.6", "/lib64/libc.so.6")
                .map(Path::of).filter(Files::isRegularFile).findFirst();
        assumeTrue(libc.isPresent(), "no glibc libc.so.6 at the usual paths of this machine");
        Fact<NvidiaDriver> fact = probe(libc.get());
        assertThat(fact).isEqualTo(Fact.unknown(Reason.NOT_FOUND, libc.get()
                + " (configured) is not an NVML library (it has no nvmlInit_v2)"));
    }

    @Test
    void insideWslTheWindowsDriversLibraryIsTriedFirst() throws IOException, InterruptedException {
        Path stub = dir.resolve("usr/lib/wsl/lib/libnvidia-ml.so.1");
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, "not a library");
        ProbeContext context = ProbeContexts.linux(dir, new FakeCommandRunner());

        assertThat(NvmlLibraryLocator.candidates(context)).containsExactly(new NvmlCandidate(stub.toString(), "wsl"));
        Fact<NvidiaDriver> fact = new NvmlGpuProbe().probe(context);
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(fact.describe()).contains(stub + " (wsl)");
    }

    @Test
    void candidateOrder() {
        Path configured = dir.resolve("my-nvml.so");
        ProbeContext live = ProbeContexts.of("Linux", Path.of("/"), new FakeCommandRunner(),
                b -> b.nvmlLibrary(configured));
        assertThat(NvmlLibraryLocator.candidates(live)).first().isEqualTo(new NvmlCandidate(configured.toString(),
                "configured"));
        assertThat(NvmlLibraryLocator.candidates(live)).last().isEqualTo(new NvmlCandidate("libnvidia-ml.so.1",
                "default library path"));

        ProbeContext windows = ProbeContexts.of("Windows 11", Path.of("/"), new FakeCommandRunner(),
                UnaryOperator.identity());
        assertThat(NvmlLibraryLocator.candidates(windows)).last().isEqualTo(new NvmlCandidate("nvml.dll",
                "default library path"));

        ProbeContext mac = ProbeContexts.of("Mac OS X", Path.of("/"), new FakeCommandRunner(), UnaryOperator.identity());
        assertThat(NvmlLibraryLocator.candidates(mac)).isEmpty();
    }

    @Test
    void macOsIsNotApplicable() throws InterruptedException {
        assertThat(new NvmlGpuProbe().probe(ProbeContexts.of("Mac OS X", Path.of("/"), new FakeCommandRunner(),
                UnaryOperator.identity())).unknownReason()).contains(Reason.NOT_APPLICABLE);
    }

    /**
     * The live machine: without an NVIDIA driver (CI) NVML is not found; on a GPU host (the H200 kit) it is known,
     * agrees with /proc/driver/nvidia, and a second probe reuses the open session and gives the same fact.
     */
    @Test
    void liveMachineInvariants() throws InterruptedException {
        ProbeContext live = ProbeContexts.of(System.getProperty("os.name"), Path.of("/"), new FakeCommandRunner(),
                UnaryOperator.identity());
        Fact<NvidiaDriver> first = new NvmlGpuProbe().probe(live);
        if (!first.isKnown()) {
            assertThat(first.unknownReason()).get().isIn(Reason.NOT_FOUND, Reason.NOT_APPLICABLE,
                    Reason.DRIVER_NOT_LOADED, Reason.PERMISSION_DENIED, Reason.LIBRARY_VERSION_MISMATCH);
            return;
        }
        NvidiaDriver driver = first.value();
        assertThat(driver.source()).isEqualTo("nvml");
        assertThat(driver.driverVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(driver.cudaDriverVersion()).matches("\\d+\\.\\d+");
        assertThat(driver.gpus()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.error()).isNull();
            assertThat(g.name()).isNotBlank();
            assertThat(g.uuid()).startsWith("GPU-");
            assertThat(g.pciBusId()).matches("[0-9A-Fa-f]{8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-7]");
            assertThat(g.memoryTotalBytes()).isPositive();
            assertThat(g.computeCapability()).matches("\\d+\\.\\d+");
        });
        FileView files = live.files();
        files.readString(ProcDriverNvidiaProbe.VERSION_FILE).flatMap(ProcDriverVersionParser::parse)
                .ifPresent(v -> assertThat(driver.driverVersion()).isEqualTo(v));
        assertThat(NvmlSessions.PROCESS.isOpen()).isTrue();
        Fact<NvidiaDriver> second = new NvmlGpuProbe().probe(live);
        assertThat(second.value().gpus()).extracting(GpuDevice::uuid)
                .isEqualTo(driver.gpus().stream().map(GpuDevice::uuid).toList());
    }

    private Fact<NvidiaDriver> probe(Path configured) throws InterruptedException {
        return new NvmlGpuProbe().probe(ProbeContexts.of("Linux", Fixtures.path("h200-linux/root"),
                new FakeCommandRunner(), b -> b.nvmlLibrary(configured)));
    }
}
