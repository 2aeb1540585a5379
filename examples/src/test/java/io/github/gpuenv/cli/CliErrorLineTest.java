package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.spi.WslDetection;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9 items 3 and 6: every failure is exactly one line on stderr, {@code gpuenv: <what> → <what to do>}, with
 * the README's exit code — no usage block, no stack trace; bad option values, unknown probe ids, a missing
 * {@code --root} and malformed {@code GPUENV_*} values are usage errors (2); a value beyond a ceiling is one warning.
 */
class CliErrorLineTest {

    private static final String ONE_LINE = "gpuenv: [^\\n]+ → [^\\n]+\\n";

    @TempDir
    Path tmp;

    private static CliRunner assertOneLine(int exitCode, String... args) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.exitCode()).as("exit code of gpuenv %s (stderr %s)", List.of(args), r.err()).isEqualTo(exitCode);
        assertThat(r.err()).as("stderr of gpuenv %s", List.of(args)).matches(ONE_LINE);
        return r;
    }

    @Test
    void usageErrorsAreOneLineNamingWhereTheUsageIs() {
        assertThat(assertOneLine(2, "no-such-command").err()).contains("no command 'no-such-command'");
        assertThat(assertOneLine(2, "detect", "--no-such-option").err())
                .endsWith("→ run 'gpuenv help detect' for usage\n");
        assertThat(assertOneLine(2, "run").err()).contains("Missing required parameter: 'IMAGE'");
        assertThat(assertOneLine(2, "run", "--attach", "nope", "img").err()).contains("--attach");
        assertThat(assertOneLine(2, "cdi").err()).contains("generate or list");
        assertThat(assertOneLine(2, "cdi", "generate", "--bogus").err())
                .endsWith("→ run 'gpuenv help cdi generate' for usage\n");
        assertThat(assertOneLine(2, "wsl", "unregister", "Ubuntu").err()).contains("--yes");
    }

    @Test
    void badOptionValuesAreOneLineNotTheUsageBlock() {
        assertThat(assertOneLine(2, "run", "--gpus", "banana", "img").err())
                .startsWith("gpuenv: invalid argument \"banana\" for \"--gpus\" flag").contains("→ e.g. --gpus all");
        assertThat(assertOneLine(2, "run", "--timeout", "x", "img").err()).contains("--timeout")
                .contains("not a duration: 'x'");
        assertThat(assertOneLine(2, "smoke", "--timeout", "0s").err()).contains("duration must be positive");
        assertThat(assertOneLine(2, "detect", "--probe-timeout", "soon").err())
                .startsWith("gpuenv: --probe-timeout soon: not a duration").endsWith("→ e.g. --probe-timeout 3s\n");
    }

    @Test
    void unknownSkipIdsAreAUsageErrorListingTheKnownOnes() {
        String err = assertOneLine(2, "detect", "--skip", "nvml,bogus", "--root", tmp.toString()).err();
        assertThat(err).startsWith("gpuenv: --skip bogus: no probe has this id → use one of ")
                .contains("nvml", "nvidia-smi", "procfs", "wsl-exe", "nvidia.procfs");
        assertThat(CliRunner.run("detect", "--skip", "nvidia.procfs,wsl-exe,nvml", "--root", tmp.toString())
                .exitCode()).isZero();
    }

    @Test
    void aRootThatIsNoDirectoryIsAUsageError() throws Exception {
        assertThat(assertOneLine(2, "detect", "--root", tmp.resolve("missing").toString()).err())
                .contains("no such directory");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(assertOneLine(2, "capture", tmp.resolve("out").toString(), "--root", file.toString()).err())
                .contains("--root " + file + ": not a directory");
        assertThat(assertOneLine(2, "cdi", "list", "--root", tmp.resolve("missing").toString()).err())
                .contains("no such directory");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aDeadlineBeyondTheCeilingIsOneWarningAndTheCommandRuns() {
        CliRunner r = CliRunner.run("detect", "--json", "--deadline", "999999999h", "--root", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("gpuenv: warning: --deadline 999999999h: longer than the ceiling of 24h"
                + " → 24h is used\n");
        assertThat(r.out()).contains("\"configWarnings\"").contains("\"clamped\" : true");
    }

    @Test
    void failuresOfACommandAreOneLineWithTheirRemedy() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(assertOneLine(125, "cdi", "generate", "--root", empty.toString()).err())
                .contains("NVIDIA driver is not installed");
    }

    /** The ambient configuration, as a shell sets it: child JVMs with GPUENV_* variables. */
    @Test
    void malformedGpuenvVariablesAreAUsageErrorNamingTheVariableAndHugeOnesAWarning() {
        ChildJvm.Result soon = gpuenv(Map.of("GPUENV_DEADLINE", "soon"), "detect", "--root", tmp.toString());
        assertThat(soon.exitCode()).as(soon.stderr()).isEqualTo(2);
        assertThat(soon.stderr()).isEqualTo("gpuenv: GPUENV_DEADLINE=soon: not a duration: 'soon' (try 500ms, 3s,"
                + " 2m) → set e.g. GPUENV_DEADLINE=10s, or unset it\n");
        assertThat(soon.stdout()).isEmpty();

        ChildJvm.Result skip = gpuenv(Map.of("GPUENV_SKIP", "bogus"), "doctor", "--root", tmp.toString());
        assertThat(skip.exitCode()).isEqualTo(2);
        assertThat(skip.stderr()).matches(ONE_LINE).startsWith("gpuenv: GPUENV_SKIP=bogus: no probe has this id");

        ChildJvm.Result huge = gpuenv(Map.of("GPUENV_DEADLINE", "999999999h"), "detect", "--json", "--root",
                tmp.toString());
        assertThat(huge.exitCode()).as(huge.stderr()).isZero();
        assertThat(huge.stderr()).isEqualTo("gpuenv: warning: GPUENV_DEADLINE=999999999h: longer than the ceiling"
                + " of 24h → 24h is used\n");
        assertThat(huge.stdout()).contains("\"source\" : \"GPUENV_DEADLINE\"");

        ChildJvm.Result overridden = gpuenv(Map.of("GPUENV_DEADLINE", "soon"), "detect", "--deadline", "5s",
                "--root", tmp.toString());
        assertThat(overridden.exitCode()).as("an option wins over the variable").isZero();
        assertThat(overridden.stderr()).isEmpty();
    }

    @Test
    void wslCommandsOnPlainLinuxSayWslDoesNotApplyNotInstallIt() throws Exception {
        Assumptions.assumeFalse(WslDetection.detect(FileView.rooted(Path.of("/")), Environment.system())
                .map(WslDetection::inside).orElse(false), "this machine is WSL");
        Assumptions.assumeTrue(System.getenv("GPUENV_WSL_EXE") == null && System.getProperty("gpuenv.wsl-exe") == null);
        CliRunner status = CliRunner.run("wsl", "status");
        assertThat(status.exitCode()).isEqualTo(GpuEnvCli.NOT_READY);
        assertThat(status.out()).contains("installed:            does not apply here")
                .contains("problem:              not-applicable → run gpuenv on Windows, or inside a WSL"
                        + " distribution with interop enabled")
                .contains("wsl.exe is a Windows program").doesNotContain("wsl.exe --install");
        CliRunner json = CliRunner.run("wsl", "status", "--json");
        assertThat(json.out()).contains("\"problem\" : \"not-applicable\"").doesNotContain("--install");
        assertThat(assertOneLine(2, "wsl", "list").err()).contains("WSL does not apply here")
                .doesNotContain("--install").doesNotContain("(wsl status");
    }

    private ChildJvm.Result gpuenv(Map<String, String> env, String... args) {
        return ChildJvm.run(List.of(), "io.github.gpuenv.cli.GpuEnvCli", List.of(args), env, null,
                Duration.ofMinutes(2));
    }
}
