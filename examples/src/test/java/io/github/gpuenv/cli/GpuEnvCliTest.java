package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuEnvCliTest {

    @TempDir
    Path dir;

    @Test
    void versionAndHelpExitZero() {
        CliRunner version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("gpuenv ");
        CliRunner help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("doctor").contains("detect").contains("capture");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRunner.run("no-such-command").exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(CliRunner.run("detect", "--no-such-option").exitCode()).isEqualTo(GpuEnvCli.USAGE);
        CliRunner badDuration = CliRunner.run("detect", "--probe-timeout", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(badDuration.err()).contains("not a duration");
    }

    @Test
    void detectJsonIsTheReportAndReadsFilesUnderRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        CliRunner detect = CliRunner.run("detect", "--json", "--root", root.toString(), "--skip", "nvml,oshi");
        assertThat(detect.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(detect.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.has("ready")).isTrue();
        assertThat(json.get("checks").isArray()).isTrue();
    }

    @Test
    void doctorExitCodeFollowsTheVerdict() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        CliRunner doctor = CliRunner.run("doctor", "--json", "--root", root.toString());
        JsonNode json = new ObjectMapper().readTree(doctor.out());
        assertThat(doctor.exitCode()).isEqualTo(json.get("ready").asBoolean() ? GpuEnvCli.OK : GpuEnvCli.NOT_READY);
        CliRunner human = CliRunner.run("doctor", "--root", root.toString());
        assertThat(human.out()).containsAnyOf("READY", "NOT READY");
    }

    @Test
    void captureWritesADirectory() {
        Path target = dir.resolve("capture");
        CliRunner capture = CliRunner.run("capture", target.toString(), "--root", dir.toString());
        assertThat(capture.exitCode()).isZero();
        assertThat(target.resolve("report.json")).exists();
        assertThat(target.resolve("commands.json")).exists();
    }
}
