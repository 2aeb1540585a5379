package io.github.gpuenv.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineCaptureTest {

    @TempDir
    Path dir;

    private DetectOptions options(CommandRunner runner) {
        Properties props = new Properties();
        props.setProperty("os.name", "Linux");
        Environment env = Environment.of(Map.of("NVIDIA_VISIBLE_DEVICES", "0",
                "DOCKER_HOST", "tcp://alice:s3cret@10.0.0.1:2376", "AWS_SECRET_ACCESS_KEY", "x", "GH_TOKEN", "y"), props);
        return DetectOptions.builder(env).root(Fixtures.path("h200-linux/root")).commandRunner(runner)
                .deadline(Duration.ofSeconds(20)).build();
    }

    @Test
    void filesAndCommandsReadThroughTheSeamsAreRecordedByteExactAndReplay() throws Exception {
        byte[] csv = Fixtures.bytes("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv");
        FakeCommandRunner fake = new FakeCommandRunner().on(List.of("nvidia-smi", "-L"), 0, csv, "warn".getBytes());
        DetectOptions options = options(fake);
        Path capture = dir.resolve("cap");

        MachineCapture.Result result = MachineCapture.captureTo(capture, options);
        // the probes of the report read through the recording seams; read once more explicitly to pin the format
        DetectOptions recorded = options.toBuilder().fileView(new RecordingFileView(options.files(),
                capture.resolve("root"), new java.util.ArrayList<>())).build();
        ProbeContext ctx = new ProbeContext(recorded.files(), recorded.commandRunner(), recorded.environment(), recorded);
        ctx.files().readString("/proc/driver/nvidia/version");
        ctx.files().exists("/proc/driver/nvidia/gpus/0000:00:06.0/information");

        assertThat(Files.readAllBytes(capture.resolve("root/proc/driver/nvidia/version")))
                .isEqualTo(Fixtures.bytes("h200-linux/root/proc/driver/nvidia/version"));
        assertThat(capture.resolve("report.json")).exists();
        assertThat(Files.readString(capture.resolve("README.md"))).contains("gpuenv capture");
        assertThat(result.report()).isNotNull();

        String env = Files.readString(capture.resolve("env.txt"));
        assertThat(env).contains("NVIDIA_VISIBLE_DEVICES=0").contains("DOCKER_HOST=tcp://***@10.0.0.1:2376")
                .doesNotContain("s3cret").doesNotContain("AWS_SECRET").doesNotContain("GH_TOKEN");
    }

    @Test
    void commandOutputRoundTripsThroughReplay() throws Exception {
        byte[] out = {0, 1, 2, (byte) 0xff, 'x'};
        CommandRunner runner = request -> request.argv().equals(List.of("tool", "--version"))
                ? CommandResult.exited(request.argv(), 3, out, "e".getBytes(), Duration.ofMillis(5))
                : CommandResult.failed(request.argv(), CommandResult.Outcome.NOT_FOUND, Duration.ZERO, "");
        RecordingCommandRunner recording = new RecordingCommandRunner(runner);
        recording.run(List.of("tool", "--version"), Duration.ofSeconds(1));
        recording.run(List.of("absent"), Duration.ofSeconds(1));
        Path capture = Files.createDirectories(dir.resolve("c2"));
        Files.createDirectories(capture.resolve("cmd"));
        MachineCapture.writeCommands(capture, recording.results());

        CommandRunner replay = MachineCapture.replay(capture);
        CommandResult again = replay.run(List.of("tool", "--version"), Duration.ofSeconds(1));
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.stdout()).isEqualTo(out);
        assertThat(again.stderrText()).isEqualTo("e");
        assertThat(replay.run(List.of("absent"), Duration.ofSeconds(1)).outcome())
                .isEqualTo(CommandResult.Outcome.NOT_FOUND);
        assertThat(replay.run(List.of("never-ran"), Duration.ofSeconds(1)).outcome())
                .isEqualTo(CommandResult.Outcome.NOT_FOUND);
    }

    @Test
    void refusesANonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> MachineCapture.captureTo(dir, options(new FakeCommandRunner())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }
}
