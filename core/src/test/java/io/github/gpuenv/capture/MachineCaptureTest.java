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
                : request.argv().equals(List.of("hangs"))
                ? CommandResult.failed(request.argv(), CommandResult.Outcome.TIMED_OUT, Duration.ofSeconds(2),
                        "after 2000 ms")
                : CommandResult.failed(request.argv(), CommandResult.Outcome.NOT_FOUND, Duration.ZERO, "");
        RecordingCommandRunner recording = new RecordingCommandRunner(runner);
        recording.run(List.of("tool", "--version"), Duration.ofSeconds(1));
        recording.run(List.of("absent"), Duration.ofSeconds(1));
        recording.run(List.of("hangs"), Duration.ofSeconds(1));
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
        assertThat(replay.run(List.of("hangs"), Duration.ofSeconds(1)).summary()).as("the detail replays")
                .isEqualTo("timed out (after 2000 ms)");
        assertThat(replay.run(List.of("never-ran"), Duration.ofSeconds(1)).outcome())
                .as("a replay runs nothing: what the capture did not record was not run")
                .isEqualTo(CommandResult.Outcome.NOT_RUN);
    }

    @Test
    void refusesANonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> MachineCapture.captureTo(dir, options(new FakeCommandRunner())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void onlyVariablesGpuenvReadsOrAllowListsAreRecordedAndNeverCredentials() throws Exception {
        Map<String, String> variables = new java.util.HashMap<>();
        variables.putAll(Map.of("CUDA_CRED", "c", "NVIDIA_PWD", "p", "WSL_SESSION_COOKIE", "k",
                "AWS_SECRET_ACCESS_KEY", "a", "HOME", "/home/alice", "NV_CUDNN_VERSION", "9.14.0.64-1",
                "DOCKER_AUTH_CONFIG", "{}", "NVIDIA_API_KEY", "nvapi-x", "SSH_AUTH_SOCK", "/tmp/ssh", "USER", "alice"));
        variables.putAll(Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://alice:s3cret@10.0.0.1:2376",
                "NVIDIA_VISIBLE_DEVICES", "0", "CUDA_VISIBLE_DEVICES", "0", "WSL_DISTRO_NAME", "Ubuntu",
                "GPUENV_PROBE_TIMEOUT", "3s", "LD_LIBRARY_PATH", "/usr/local/nvidia/lib64",
                "DOCKER_CONTEXT", "ssh://bob@builder", "NVIDIA_REQUIRE_DRIVER", "driver>=535"));
        Properties props = new Properties();
        props.setProperty("os.name", "Linux");
        props.setProperty("user.home", "/home/alice");
        DetectOptions options = DetectOptions.builder(Environment.of(variables, props))
                .root(Fixtures.path("h200-linux/root")).commandRunner(new FakeCommandRunner()).build();

        MachineCapture.captureTo(dir.resolve("cap"), options);

        assertThat(Files.readAllLines(dir.resolve("cap/env.txt"))).containsExactly(
                "CUDA_VISIBLE_DEVICES=0",
                "DOCKER_CONTEXT=ssh://***@builder",
                "DOCKER_HOST=tcp://***@10.0.0.1:2376",
                "GPUENV_PROBE_TIMEOUT=3s",
                "LD_LIBRARY_PATH=/usr/local/nvidia/lib64",
                "NVIDIA_REQUIRE_DRIVER=driver>=535",
                "NVIDIA_VISIBLE_DEVICES=0",
                "PATH=/usr/bin:/bin",
                "WSL_DISTRO_NAME=Ubuntu");
        assertThat(Files.readAllLines(dir.resolve("cap/properties.txt"))).containsExactly("os.name=Linux");
    }

    @Test
    void otherProcessesNamesAreNotRecordedOnlyTheDockerdTheProbeLooksFor() throws Exception {
        Path root = dir.resolve("machine");
        for (String[] process : new String[][] {{"1", "systemd"}, {"100", "bash"}, {"200", "dockerd"},
                {"300", "keepassxc"}}) {
            Files.createDirectories(root.resolve("proc/" + process[0]));
            Files.writeString(root.resolve("proc/" + process[0] + "/comm"), process[1] + "\n");
        }
        Files.writeString(root.resolve(".dockerenv"), "");
        Path capture = dir.resolve("cap");

        MachineCapture.Result result = MachineCapture.captureTo(capture, options(new FakeCommandRunner()).toBuilder()
                .root(root).build());

        assertThat(result.report().container().value().engineInside()).isTrue();
        assertThat(capture.resolve("root/proc/200/comm")).hasContent("dockerd");
        assertThat(capture.resolve("root/proc/1/comm")).doesNotExist();
        assertThat(capture.resolve("root/proc/100/comm")).doesNotExist();
        assertThat(capture.resolve("root/proc/300/comm")).doesNotExist();
    }

    @Test
    void replayReadsCommandOutputOnlyFromTheCapturesOwnCmdFiles(@TempDir Path outside) throws Exception {
        Path capture = Files.createDirectories(dir.resolve("hostile"));
        Path cmd = Files.createDirectories(capture.resolve("cmd"));
        Files.writeString(dir.resolve("host-secret.txt"), "host secret");
        Files.createSymbolicLink(cmd.resolve("002.stdout"), dir.resolve("host-secret.txt"));
        Files.writeString(cmd.resolve("000.stderr"), "");
        Files.writeString(capture.resolve("commands.json"), "["
                + "{\"argv\":[\"climb\"],\"outcome\":\"EXITED\",\"exitCode\":0,"
                + "\"stdoutFile\":\"../../host-secret.txt\",\"stderrFile\":\"000.stderr\",\"elapsedMillis\":1},"
                + "{\"argv\":[\"absolute\"],\"outcome\":\"EXITED\",\"exitCode\":0,"
                + "\"stdoutFile\":\"" + dir.resolve("host-secret.txt") + "\",\"stderrFile\":\"000.stderr\","
                + "\"elapsedMillis\":1},"
                + "{\"argv\":[\"link\"],\"outcome\":\"EXITED\",\"exitCode\":0,"
                + "\"stdoutFile\":\"002.stdout\",\"stderrFile\":\"000.stderr\",\"elapsedMillis\":1}]");

        CommandRunner replay = MachineCapture.replay(capture);

        for (String argv0 : List.of("climb", "absolute", "link")) {
            CommandResult result = replay.run(List.of(argv0), Duration.ofSeconds(1));
            assertThat(result.stdoutText()).as(argv0).doesNotContain("host secret");
            assertThat(result.outcome()).as(argv0).isEqualTo(CommandResult.Outcome.NOT_RUN);
        }
        // cmd/ itself a link to a directory of the host
        Path linked = Files.createDirectories(dir.resolve("linked-cmd"));
        Files.writeString(outside.resolve("001.stdout"), "host secret");
        Files.writeString(outside.resolve("001.stderr"), "");
        Files.createSymbolicLink(linked.resolve("cmd"), outside);
        Files.writeString(linked.resolve("commands.json"), "[{\"argv\":[\"tool\"],\"outcome\":\"EXITED\","
                + "\"exitCode\":0,\"stdoutFile\":\"001.stdout\",\"stderrFile\":\"001.stderr\",\"elapsedMillis\":1}]");
        assertThat(MachineCapture.replay(linked).run(List.of("tool"), Duration.ofSeconds(1)).stdoutText())
                .doesNotContain("host secret");
    }

    @Test
    void aBinaryOrHugeEnvTxtIsReadBoundedAndWithoutErrors() throws Exception {
        Path capture = Files.createDirectories(dir.resolve("garbage"));
        byte[] binary = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(binary);
        Files.write(capture.resolve("env.txt"), binary);
        Files.writeString(capture.resolve("properties.txt"), "os.name=Linux\r\n=nameless\nnoequals\n");

        Environment env = MachineCapture.environment(capture);

        assertThat(env.variables().size()).isLessThanOrEqualTo(10_000);
        assertThat(env.properties()).containsExactly(Map.entry("os.name", "Linux"));
    }
}
