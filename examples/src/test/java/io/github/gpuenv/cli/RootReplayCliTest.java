package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.testing.Fixtures;
import io.github.gpuenv.testing.ReportComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --root} from the CLI, with every module on the classpath: a hostile root runs nothing, a capture replays to
 * the report it recorded (the Docker fact included, from the capture, never from this machine's engine), and a plain
 * root reports the Docker fact skipped.
 */
class RootReplayCliTest {

    @TempDir
    Path dir;

    @Test
    void aRootsExecutablesNeverRunFromDetectDoctorOrCapture() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path marker = dir.resolve("nvidia-smi-ran");
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "5.15.153.1-microsoft-standard-WSL2\n");
        for (String path : new String[] {"usr/lib/wsl/lib/nvidia-smi", "usr/bin/nvidia-smi"}) {
            Path smi = root.resolve(path);
            Files.createDirectories(smi.getParent());
            Files.writeString(smi, "#!/bin/sh\ntouch '" + marker + "'\n");
            Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        CliRunner detect = CliRunner.run("detect", "--json", "--root", root.toString());
        CliRunner doctor = CliRunner.run("doctor", "--root", root.toString());
        CliRunner capture = CliRunner.run("capture", dir.resolve("cap").toString(), "--root", root.toString());

        assertThat(marker).as("the root's nvidia-smi ran").doesNotExist();
        assertThat(detect.exitCode()).as(detect.err()).isZero();
        assertThat(doctor.out()).contains("not run");
        assertThat(capture.exitCode()).as(capture.err()).isZero();
    }

    @Test
    void theH200CaptureReplaysToTheReportItRecorded() throws Exception {
        Path capture = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200"));

        CliRunner detect = CliRunner.run("detect", "--json", "--root", capture.resolve("root").toString());

        assertThat(detect.exitCode()).as(detect.err()).isZero();
        assertThat(ReportComparison.comparable(detect.out()))
                .isEqualTo(ReportComparison.comparable(Files.readString(capture.resolve("report.json"))));
    }

    @Test
    void underAPlainRootTheDockerFactIsSkippedNotAskedOfThisMachinesEngine() throws Exception {
        Path root = Files.createDirectories(dir.resolve("plain"));

        JsonNode report = new ObjectMapper().readTree(CliRunner.run("detect", "--json", "--root", root.toString())
                .out());

        assertThat(report.get("docker").isNull()).isTrue();
        JsonNode docker = null;
        for (JsonNode unknown : report.get("unknowns")) {
            docker = unknown.get("fact").asText().equals("docker") ? unknown : docker;
        }
        assertThat(docker).as("docker among the unknowns").isNotNull();
        assertThat(docker.get("reason").asText()).isEqualTo("skipped");
        assertThat(docker.get("detail").asText()).contains("fixture root").contains(root.toString());
    }

    @Test
    void smokeRefusesARootInsteadOfComparingAFixtureWithThisMachinesContainer() throws Exception {
        CliRunner smoke = CliRunner.run("smoke", "--root", Files.createDirectories(dir.resolve("r")).toString());
        assertThat(smoke.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(smoke.err()).contains("--root does not apply");
    }
}
