package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.FakeNvml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NVML probe against a real shared library loaded through JNA: {@code src/test/native/fake-nvml.c}, compiled
 * here with gcc ({@link FakeNvml}), which has NVML's real signatures and struct layouts and the H200's values. Covers
 * what a Java fake cannot: symbol lookup, struct marshalling, and a native call that never returns (in a child JVM,
 * which must exit). Each fault mode uses its own copy of the library, so each has its own native state. The probe is
 * called directly, under a fixture root, so that only the configured library is tried (a detection never runs it
 * under a fixture root: {@code HostileRootTest}); the hung call goes through a detection on the live root.
 */
class FakeNvmlLibraryTest {

    @TempDir
    static Path build;

    private static Path library;
    private static int copies;

    @BeforeAll
    static void compile() throws Exception {
        library = FakeNvml.compile(build, null);
    }

    private static Path copyWithMode(String mode) throws Exception {
        return FakeNvml.copyWithMode(library, build.resolve("copy" + (++copies)), mode);
    }

    /** The NVML probe itself, trying {@code nvml} (and a WSL library under {@code root}, if there is one). */
    private static Fact<NvidiaDriver> probe(Path nvml, Path root) throws InterruptedException {
        return new NvmlGpuProbe().probe(ProbeContexts.of("Linux", root, new FakeCommandRunner(),
                b -> nvml == null ? b : b.nvmlLibrary(nvml)));
    }

    @Test
    void readsTheH200ThroughRealJnaCallsAndStructs(@TempDir Path root) throws Exception {
        Fact<NvidiaDriver> fact = probe(copyWithMode("h200"), root);

        assertThat(fact.isKnown()).as(fact.describe()).isTrue();
        NvidiaDriver driver = fact.value();
        assertThat(driver.source()).isEqualTo("nvml");
        assertThat(driver.driverVersion()).isEqualTo("580.159.04");
        assertThat(driver.cudaDriverVersion()).isEqualTo("13.0");
        GpuDevice gpu = driver.gpus().get(0);
        assertThat(gpu.name()).isEqualTo("NVIDIA H200");
        assertThat(gpu.uuid()).isEqualTo("GPU-1b122d05-8c93-e80c-c42d-a43b421ae510");
        assertThat(gpu.pciBusId()).isEqualTo("00000000:00:06.0");
        assertThat(gpu.memoryTotalBytes()).isEqualTo(143771L * 1024 * 1024);
        assertThat(gpu.computeCapability()).isEqualTo("9.0");
        assertThat(gpu.migMode()).isEqualTo("Disabled");
    }

    @Test
    void aLostGpuKeepsTheOtherAndSaysWhat(@TempDir Path root) throws Exception {
        NvidiaDriver driver = probe(copyWithMode("two,device1=15"), root).value();
        assertThat(driver.gpus()).hasSize(2);
        assertThat(driver.gpus().get(0).uuid()).isEqualTo("GPU-1b122d05-8c93-e80c-c42d-a43b421ae510");
        assertThat(driver.gpus().get(1).error()).contains("GPU is lost");
    }

    @Test
    void initReturnCodesBecomeReasons(@TempDir Path root) throws Exception {
        assertThat(probe(copyWithMode("init=9"), root).unknownReason()).contains(Reason.DRIVER_NOT_LOADED);
        assertThat(probe(copyWithMode("init=18"), root).unknownReason()).contains(Reason.LIBRARY_VERSION_MISMATCH);
        assertThat(probe(copyWithMode("init=4"), root).unknownReason()).contains(Reason.PERMISSION_DENIED);
    }

    @Test
    void theProbeFindsTheWslDriverLibraryAtItsPath(@TempDir Path root) throws Exception {
        Path wslLib = Files.createDirectories(root.resolve("usr/lib/wsl/lib"));
        Files.copy(copyWithMode("h200"), wslLib.resolve("libnvidia-ml.so.1"));

        Fact<NvidiaDriver> fact = probe(null, root);
        assertThat(fact.isKnown()).as(fact.describe()).isTrue();
        assertThat(fact.value().gpus()).extracting(GpuDevice::name).containsExactly("NVIDIA H200");
    }

    @Test
    void aHungNvmlInitCostsTheProbeTimeoutAndTheProgramStillExits() throws Exception {
        Path hung = copyWithMode("hang");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), HungNvmlMain.class.getName(), hung.toString()));
        if (Runtime.version().feature() < 22) {
            argv.remove(1);
        }
        // a child process loads its own copy of the library: the mode travels in its environment
        CommandResult child = CommandRunner.system().run(argv, Duration.ofSeconds(60), Map.of("GPUENV_FAKE_NVML", "hang"));

        assertThat(child.outcome()).as(child.summary() + " " + child.stderrText()).isEqualTo(CommandResult.Outcome.EXITED);
        assertThat(child.stdoutText()).contains("reason=timed-out");
        assertThat(child.exitCode()).isZero();
    }

    /**
     * Runs in a child JVM: one detection of the nvidia fact on the live root whose first NVML library (the configured
     * one) never returns from init, then exits normally.
     */
    public static final class HungNvmlMain {
        public static void main(String[] args) {
            Properties props = new Properties();
            props.setProperty("os.name", "Linux");
            DetectOptions options = DetectOptions.builder(Environment.of(Map.of(), props))
                    .root(Path.of("/")).nvmlLibrary(Path.of(args[0]))
                    .probeTimeout(Duration.ofMillis(500)).deadline(Duration.ofSeconds(5))
                    .commandRunner(new FakeCommandRunner()).build();
            Fact<NvidiaDriver> fact = GpuEnv.nvidia(options);
            System.out.println("reason=" + fact.unknownReason().map(Reason::id).orElse("known"));
        }
    }
}
