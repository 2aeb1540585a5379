package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.Fact;
import io.github.gpuenv.GpuDevice;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.NvidiaDriver;
import io.github.gpuenv.Reason;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
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
 * here with gcc, which has NVML's real signatures and struct layouts and the H200's values. Covers what a Java fake
 * cannot: symbol lookup, struct marshalling, and a native call that never returns (in a child JVM, which must exit).
 * Each fault mode uses its own copy of the library, so each has its own native state.
 */
class FakeNvmlLibraryTest {

    @TempDir
    static Path build;

    private static Path library;
    private static int copies;

    @BeforeAll
    static void compile() {
        Path source = Path.of("src/test/native/fake-nvml.c").toAbsolutePath();
        library = build.resolve("libnvidia-ml.so.1");
        CommandResult gcc = CommandRunner.system().run(List.of("gcc", "-shared", "-fPIC", "-O1", "-o",
                library.toString(), source.toString()), Duration.ofSeconds(60));
        assumeTrue(gcc.outcome() != CommandResult.Outcome.NOT_FOUND,
                "gcc is not installed: the NVML-through-JNA tests need it to build the stand-in libnvidia-ml.so.1");
        assertThat(gcc.succeeded()).as(gcc.summary()).isTrue();
    }

    private static Path copyWithMode(String mode) throws Exception {
        Path dir = Files.createDirectories(build.resolve("copy" + (++copies)));
        Path copy = Files.copy(library, dir.resolve("libnvidia-ml.so.1"));
        Function setter = NativeLibrary.getInstance(copy.toString()).getFunction("gpuenv_fake_nvml_set_mode");
        setter.invokeVoid(new Object[] {mode});
        return copy;
    }

    private static DetectOptions options(Path nvml, Path root) {
        Properties props = new Properties();
        props.setProperty("os.name", "Linux");
        return DetectOptions.builder(Environment.of(Map.of(), props)).root(root).nvmlLibrary(nvml)
                .commandRunner(new FakeCommandRunner()).build();
    }

    @Test
    void readsTheH200ThroughRealJnaCallsAndStructs(@TempDir Path root) throws Exception {
        Fact<NvidiaDriver> fact = GpuEnv.nvidia(options(copyWithMode("h200"), root));

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
        NvidiaDriver driver = GpuEnv.nvidia(options(copyWithMode("two,device1=15"), root)).value();
        assertThat(driver.gpus()).hasSize(2);
        assertThat(driver.gpus().get(0).uuid()).isEqualTo("GPU-1b122d05-8c93-e80c-c42d-a43b421ae510");
        assertThat(driver.gpus().get(1).error()).contains("GPU is lost");
    }

    @Test
    void initReturnCodesBecomeReasons(@TempDir Path root) throws Exception {
        assertThat(GpuEnv.nvidia(options(copyWithMode("init=9"), root)).unknownReason())
                .contains(Reason.DRIVER_NOT_LOADED);
        assertThat(GpuEnv.nvidia(options(copyWithMode("init=18"), root)).unknownReason())
                .contains(Reason.LIBRARY_VERSION_MISMATCH);
        assertThat(GpuEnv.nvidia(options(copyWithMode("init=4"), root)).unknownReason())
                .contains(Reason.PERMISSION_DENIED);
    }

    @Test
    void theWslDriverLibraryIsFoundUnderTheRoot(@TempDir Path root) throws Exception {
        Path wslLib = Files.createDirectories(root.resolve("usr/lib/wsl/lib"));
        Files.copy(copyWithMode("h200"), wslLib.resolve("libnvidia-ml.so.1"));
        Properties props = new Properties();
        props.setProperty("os.name", "Linux");
        DetectOptions options = DetectOptions.builder(Environment.of(Map.of(), props)).root(root)
                .commandRunner(new FakeCommandRunner()).build();

        Fact<NvidiaDriver> fact = GpuEnv.nvidia(options);
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

    /** Runs in a child JVM: one NVML probe against a library whose init never returns, then exits normally. */
    public static final class HungNvmlMain {
        public static void main(String[] args) {
            Properties props = new Properties();
            props.setProperty("os.name", "Linux");
            DetectOptions options = DetectOptions.builder(Environment.of(Map.of(), props))
                    .root(Path.of(System.getProperty("java.io.tmpdir"), "gpuenv-no-root")).nvmlLibrary(Path.of(args[0]))
                    .probeTimeout(Duration.ofMillis(500)).deadline(Duration.ofSeconds(5))
                    .commandRunner(new FakeCommandRunner()).build();
            Fact<NvidiaDriver> fact = GpuEnv.nvidia(options);
            System.out.println("reason=" + fact.unknownReason().map(Reason::id).orElse("known"));
        }
    }
}
