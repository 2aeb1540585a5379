package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.testing.FixtureRoots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gpuenv cdi generate|list} in-process, on fixture roots. */
class CdiCommandTest {

    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void removeNodeLinks() throws Exception {
        FixtureRoots.removeOutsideLinks(temp);
    }

    private int run(String... args) {
        CommandLine cli = GpuEnvCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void generatePrintsTheSpecToStdout() throws Exception {
        Path root = FixtureRoots.h200(Files.createDirectory(temp.resolve("root")));
        assertThat(run("cdi", "generate", "--root", root.toString())).isEqualTo(GpuEnvCli.OK);
        JsonNode spec = new ObjectMapper().readTree(out.toString());
        assertThat(spec.get("kind").asText()).isEqualTo("nvidia.com/gpu");
        assertThat(spec.get("devices").get(2).get("name").asText()).isEqualTo("all");
    }

    @Test
    void generateWritesTheFileCreatingItsDirectoryAndLeavesNoTemporaryFile() throws Exception {
        Path root = FixtureRoots.h200(Files.createDirectory(temp.resolve("root")));
        Path target = temp.resolve("etc/cdi/nvidia.json");
        assertThat(run("cdi", "generate", "--root", root.toString(), "--output", target.toString())).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
        assertThat(new ObjectMapper().readTree(target.toFile()).get("cdiVersion").asText()).isEqualTo("0.5.0");
        // again, over the existing file
        assertThat(run("cdi", "generate", "--root", root.toString(), "-o", target.toString())).isEqualTo(0);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nvidia.json");
        }
    }

    @Test
    void listPrintsTheDeviceNames() throws Exception {
        Path root = FixtureRoots.h200(Files.createDirectory(temp.resolve("root")));
        assertThat(run("cdi", "list", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly("nvidia.com/gpu=0",
                "nvidia.com/gpu=GPU-1b122d05-8c93-e80c-c42d-a43b421ae510", "nvidia.com/gpu=all");
    }

    @Test
    void noDriverExits125WithTheRemedy() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        Path target = temp.resolve("out/nvidia.json");
        assertThat(run("cdi", "generate", "--root", empty.toString(), "--output", target.toString())).isEqualTo(125);
        assertThat(err.toString()).contains("NVIDIA driver is not installed").contains("install the NVIDIA driver");
        assertThat(target).doesNotExist();
    }

    @Test
    void usageErrorsExit2() {
        assertThat(run("cdi", "generate", "--bogus")).isEqualTo(GpuEnvCli.USAGE);
        assertThat(run("cdi")).isEqualTo(GpuEnvCli.USAGE);
    }
}
