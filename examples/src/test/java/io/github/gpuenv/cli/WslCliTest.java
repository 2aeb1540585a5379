package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gpuenv wsl …} in-process, with {@code --wsl-exe} pointing at the fake wsl.exe. */
class WslCliTest {

    @TempDir
    Path tmp;
    FakeWslExe fake;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() {
        fake = FakeWslExe.create(tmp.resolve("fake"));
    }

    private int gpuenv(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = GpuEnvCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("wsl", args[0], "--wsl-exe", fake.path()));
        all.addAll(List.of(args).subList(1, args.length));
        return cli.execute(all.toArray(String[]::new));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void listPrintsATableWithoutDockerDesktopUnlessAll() {
        fake.on("--list", "--verbose").stdoutFixture("list/intellij-utf16le.bin");
        assertThat(gpuenv("list")).isZero();
        assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
                "  NAME          STATE         VERSION",
                "* Ubuntu-20.04  Stopped       2",
                "  Ubuntu-18.04  Stopped       1", ""));
        assertThat(gpuenv("list", "--all")).isZero();
        assertThat(out.toString()).contains("docker-desktop-data");
    }

    @Test
    void listJsonKeepsTheRawStateOfAnUnknownWord() throws Exception {
        fake.on("--list", "--verbose").stdoutFixture("list/de-third-party-test.txt");
        assertThat(gpuenv("list", "--json")).isZero();
        JsonNode first = json().get("distros").get(0);
        assertThat(first.get("name").asText()).isEqualTo("Debian");
        assertThat(first.get("state").asText()).isEqualTo("Unknown");
        assertThat(first.get("stateText").asText()).isEqualTo("Wird ausgeführt");
        assertThat(first.get("version").asInt()).isEqualTo(2);
        assertThat(first.get("default").asBoolean()).isTrue();
    }

    @Test
    void statusJsonAndExitCodes() throws Exception {
        fake.on("--status").stdoutFixture("status/ok.txt");
        assertThat(gpuenv("status", "--json")).isZero();
        JsonNode ok = json();
        assertThat(ok.get("installed").asBoolean()).isTrue();
        assertThat(ok.get("problem").isNull()).isTrue();
        assertThat(ok.get("defaultDistribution").asText()).isEqualTo("Ubuntu");
        assertThat(ok.get("defaultVersion").asInt()).isEqualTo(2);

        FakeWslExe missing = FakeWslExe.create(tmp.resolve("missing"));
        missing.on("--status").stdoutFixture("status/not-installed.txt").exit(50);
        fake = missing;
        assertThat(gpuenv("status", "--json")).isEqualTo(GpuEnvCli.NOT_READY);
        assertThat(json().get("problem").asText()).isEqualTo("not-installed");
        assertThat(json().get("installed").asBoolean()).isFalse();
    }

    @Test
    void versionTableAndJson() throws Exception {
        fake.on("--version").stdoutFixture("version/zh-CN-partial.txt");
        assertThat(gpuenv("version", "--json")).isZero();
        assertThat(json().get("kernel").asText()).isEqualTo("5.15.74.2");
        assertThat(gpuenv("version")).isZero();
        assertThat(out.toString()).contains("wsl       1.0.0.0");
    }

    @Test
    void runPassesEveryArgumentAndTheExitCodeThrough() {
        List<String> expected = List.of("-d", "Ubuntu", "-u", "root", "--cd", "/tmp", "--exec", "sh", "-c",
                "echo \"$1\"; exit 7", "arg with spaces", "a&b", "Ärger");
        fake.on(expected).stdout("arg with spaces\n").stderr("warning\n".getBytes(StandardCharsets.UTF_8)).exit(7);
        int code = gpuenv("run", "--distro", "Ubuntu", "--user", "root", "--cd", "/tmp", "--", "sh", "-c",
                "echo \"$1\"; exit 7", "arg with spaces", "a&b", "Ärger");
        assertThat(code).isEqualTo(7);
        assertThat(fake.calls()).containsExactly(expected);
        assertThat(out.toString()).isEqualTo("arg with spaces" + System.lineSeparator());
        assertThat(err.toString()).isEqualTo("warning" + System.lineSeparator());
    }

    @Test
    void wslExeFailuresExit125AndUsageErrorsExit2() {
        fake.on("--terminate", "Ghost").stderrFixture("errors/distro-not-found-en.txt").exit(255);
        assertThat(gpuenv("terminate", "Ghost")).isEqualTo(GpuEnvCli.INTERNAL);
        assertThat(err.toString()).contains("no distribution named 'Ghost'").contains("--list --verbose");
        assertThat(gpuenv("terminate", "bad name")).isEqualTo(GpuEnvCli.USAGE);
        assertThat(gpuenv("unregister", "Ubuntu")).isEqualTo(GpuEnvCli.USAGE);
        assertThat(err.toString()).contains("--yes");
        assertThat(fake.calls()).containsExactly(List.of("--terminate", "Ghost"));
    }

    @Test
    void actionsPrintJson() throws Exception {
        fake.on("--unregister", "Old");
        assertThat(gpuenv("unregister", "Old", "--yes", "--json")).isZero();
        assertThat(json().get("ok").asBoolean()).isTrue();
        assertThat(json().get("operation").asText()).isEqualTo("unregister");
    }

    @Test
    void setupDryRunPrintsCommandsAndAFailedStepExits1() {
        assertThat(gpuenv("setup-gpu-docker", "--distro", "gpu", "--dir", "D:\\WSL\\gpu", "--tar", "D:\\u.tar",
                "--dry-run")).isZero();
        assertThat(out.toString()).contains(fake.path() + " --import gpu D:\\WSL\\gpu D:\\u.tar --version 2")
                .contains("--exec nvidia-ctk runtime configure --runtime=docker");
        assertThat(fake.calls()).isEmpty();

        fake.on("--status").stdoutFixture("status/vmp-disabled.txt");
        assertThat(gpuenv("setup-gpu-docker", "--distro", "gpu", "--dir", "D:\\WSL\\gpu", "--tar", "D:\\u.tar"))
                .isEqualTo(GpuEnvCli.NOT_READY);
        assertThat(out.toString()).contains("[FAIL] requirements: wsl.exe --status reports vmp-disabled")
                .contains("--install --no-distribution");
    }
}
