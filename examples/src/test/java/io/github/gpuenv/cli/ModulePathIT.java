package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules work as JPMS modules, not only on the class path: the CLI runs from the module path ({@code java -p …
 * -m io.github.gpuenv.examples/io.github.gpuenv.cli.GpuEnvCli}) with the built jars of core, wsl and docker and
 * their runtime dependencies, so the descriptors' {@code provides} (the docker and wslHost facts are found, not
 * {@code module-absent}), {@code opens} (picocli's options, a capture's databind records) and {@code requires} are
 * exercised by a real JVM. The tests of this project otherwise run on the class path.
 */
class ModulePathIT {

    private static final List<String> TEST_ONLY = List.of("/org/junit/", "/org/opentest4j/", "/org/apiguardian/",
            "/org/assertj/", "/net/bytebuddy/", "/com/code-intelligence/", "-tests.jar", "/test-classes");

    @TempDir
    Path dir;

    @Test
    void theCliRunsFromTheModulePathWithItsProvidersFound() throws Exception {
        Result detect = run("detect", "--json");
        assertThat(detect.exitCode).as(detect.err).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(detect.out);
        for (JsonNode unknown : report.get("unknowns")) {
            assertThat(unknown.get("reason").asText()).as("fact " + unknown.get("fact") + ": a provider must be"
                    + " found through the module descriptors' provides").isNotEqualTo("module-absent");
        }
        assertThat(report.get("os").get("family").asText()).isEqualTo("linux");
    }

    @Test
    void aCaptureWorksFromTheModulePath() throws Exception {
        Path capture = dir.resolve("cap");
        Result r = run("capture", capture.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(capture.resolve("commands.json")).isRegularFile();
        assertThat(capture.resolve("report.json")).isRegularFile();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath(), "-m",
                "io.github.gpuenv.examples/io.github.gpuenv.cli.GpuEnvCli"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    /** This module's classes and every runtime jar of the test class path (the library modules' jars included). */
    private static String modulePath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        Stream.of(cp.split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar"))
                .filter(e -> TEST_ONLY.stream().noneMatch(e::contains))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private record Result(int exitCode, String out, String err) {
    }
}
