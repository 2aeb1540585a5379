package io.github.gpuenv.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in {@code libnvidia-ml.so.1} of {@code src/test/native/fake-nvml.c} (NVML's real signatures and struct
 * layouts, the H200's values), compiled with gcc for a test; the test is skipped where gcc is not installed.
 *
 * <p>{@code Path lib = FakeNvml.compile(dir, null); Path h200 = FakeNvml.copyWithMode(lib, dir.resolve("a"), "h200");}
 */
public final class FakeNvml {

    private FakeNvml() {
    }

    /**
     * Compiles the library into {@code dir/libnvidia-ml.so.1}. With {@code loadedMarker}, the library creates that
     * file when it is loaded, so a test can prove that it never was.
     */
    public static Path compile(Path dir, Path loadedMarker) throws IOException {
        Path source = Path.of("src/test/native/fake-nvml.c").toAbsolutePath();
        Path library = Files.createDirectories(dir).resolve("libnvidia-ml.so.1");
        List<String> argv = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O1", "-o", library.toString()));
        if (loadedMarker != null) {
            argv.add("-DGPUENV_FAKE_NVML_LOADED_MARKER=\"" + loadedMarker.toAbsolutePath() + "\"");
        }
        argv.add(source.toString());
        CommandResult gcc = CommandRunner.system().run(argv, Duration.ofSeconds(60));
        assumeTrue(gcc.outcome() != CommandResult.Outcome.NOT_FOUND,
                "gcc is not installed: the NVML-through-JNA tests need it to build the stand-in libnvidia-ml.so.1");
        assertThat(gcc.succeeded()).as(gcc.summary()).isTrue();
        return library;
    }

    /**
     * A copy of {@code library} in {@code dir} (its own native state: JNA loads each path once per process), set to
     * {@code mode} ({@code "h200"}, {@code "two"}, {@code "init=9"}, … as {@code fake-nvml.c} lists them).
     */
    public static Path copyWithMode(Path library, Path dir, String mode) throws IOException {
        Path copy = Files.copy(library, Files.createDirectories(dir).resolve("libnvidia-ml.so.1"));
        Function setter = NativeLibrary.getInstance(copy.toString()).getFunction("gpuenv_fake_nvml_set_mode");
        setter.invokeVoid(new Object[] {mode});
        return copy;
    }
}
