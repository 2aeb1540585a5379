package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.config.DurationText;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.DetectMain;
import io.github.gpuenv.testing.FakeCommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9 item 3: configuration never makes {@link GpuEnv#detect()} throw. Malformed values give the default,
 * durations beyond the ceiling give the ceiling, and each is a {@link ConfigWarning} in the report.
 */
class DetectConfigWarningsTest {

    @TempDir
    Path root;

    private Environment env(Map<String, String> variables) {
        return new Environment(variables, Map.of("os.name", "Linux"));
    }

    private GpuEnvReport detect(Environment env) {
        return GpuEnv.detect(DetectOptions.builder(env).commandRunner(new FakeCommandRunner()).build());
    }

    @Test
    void aDeadlineBeyondWhatNanosecondsHoldIsTheCeilingNotAnOverflow() {
        GpuEnvReport report = detect(env(Map.of("GPUENV_DEADLINE", "999999999h", "GPUENV_ROOT", root.toString())));
        assertThat(report.os().isKnown()).isTrue();
        assertThat(report.configWarnings()).containsExactly(new ConfigWarning(ConfigKey.DEADLINE, "GPUENV_DEADLINE",
                "999999999h", "longer than the ceiling of 24h", "24h is used", true));
        assertThat(DetectOptions.builder(env(Map.of("GPUENV_DEADLINE", "999999999h"))).build().deadline())
                .isEqualTo(DetectOptions.MAX_DURATION);
    }

    @Test
    void malformedValuesGiveTheDefaultAndAWarningEach() {
        Environment env = new Environment(Map.of("GPUENV_PROBE_TIMEOUT", "soon", "GPUENV_DEADLINE", "0",
                "GPUENV_DOCKER_PROBE_CONTAINER", "yes", "GPUENV_MIN_WSL_KERNEL", "latest",
                "GPUENV_ROOT", root.resolve("missing").toString()), Map.of("gpuenv.deadline", "-5s"));
        DetectOptions options = DetectOptions.builder(env).build();
        assertThat(options.probeTimeout()).hasSeconds(3);
        assertThat(options.deadline()).hasSeconds(10);
        assertThat(options.dockerProbeContainer()).isFalse();
        assertThat(options.minWslKernel()).isEqualTo("5.10.43");
        assertThat(options.root()).isEqualTo(root.resolve("missing"));
        assertThat(options.configWarnings()).extracting(ConfigWarning::describe).containsExactlyInAnyOrder(
                "GPUENV_ROOT=" + root.resolve("missing") + ": no such directory: no file can be read under it",
                "GPUENV_PROBE_TIMEOUT=soon: not a duration: 'soon' (try 500ms, 3s, 2m): the default 3s is used",
                "gpuenv.deadline=-5s: not a duration: '-5s' (try 500ms, 3s, 2m): the default 10s is used",
                "GPUENV_DOCKER_PROBE_CONTAINER=yes: not true or false: the default false is used",
                "GPUENV_MIN_WSL_KERNEL=latest: not a version (e.g. 5.10.43): the default is used");
        assertThat(options.configWarnings()).noneMatch(ConfigWarning::clamped);
    }

    @Test
    void unknownSkipIdsAreWarnedAboutWithTheKnownIds() {
        DetectOptions options = DetectOptions.builder(env(Map.of("GPUENV_SKIP", "nvml,bogus")))
                .commandRunner(new FakeCommandRunner()).root(root).skipProbe("nvidia.procfs").skipProbe("nvidia.nope")
                .build();
        List<ConfigWarning> warnings = GpuEnv.configWarnings(options);
        assertThat(warnings).extracting(ConfigWarning::source, ConfigWarning::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("GPUENV_SKIP", "bogus"),
                org.assertj.core.groups.Tuple.tuple("DetectOptions.Builder.skipProbe", "nvidia.nope"));
        assertThat(warnings.get(0).message()).contains("nvml").contains("nvidia-smi").contains("nvidia.procfs");
        assertThat(GpuEnv.probeIds()).contains("nvml", "procfs", "nvidia.procfs", "wsl.procfs", "os-release");
        assertThat(GpuEnv.detect(options).configWarnings()).isEqualTo(warnings);
    }

    @Test
    void aValueSetInTheBuilderReplacesTheAmbientOneAndItsWarning() {
        DetectOptions options = DetectOptions.builder(env(Map.of("GPUENV_DEADLINE", "soon")))
                .deadline(Duration.ofSeconds(4)).build();
        assertThat(options.configWarnings()).isEmpty();
        assertThat(options.deadline()).hasSeconds(4);
        assertThat(options.toBuilder().build().deadline()).hasSeconds(4);
    }

    @Test
    void buildersRefuseNonsenseWithShortMessagesAndLimitLongValues() {
        DetectOptions.Builder b = DetectOptions.builder(env(Map.of()));
        assertThatThrownBy(() -> b.deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deadline <= 0");
        assertThatThrownBy(() -> b.probeTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probeTimeout <= 0");
        assertThatThrownBy(() -> b.deadline(null)).isInstanceOf(NullPointerException.class).hasMessage("deadline");
        assertThat(b.deadline(Duration.ofDays(400)).probeTimeout(DurationText.MAX).build())
                .extracting(DetectOptions::deadline, DetectOptions::probeTimeout)
                .containsExactly(DetectOptions.MAX_DURATION, DetectOptions.MAX_DURATION);
    }

    @Test
    void theJsonListsTheWarnings() throws IOException {
        JsonNode json = new ObjectMapper().readTree(detect(env(Map.of("GPUENV_DEADLINE", "soon",
                "GPUENV_ROOT", root.toString()))).toJson());
        JsonNode w = json.get("configWarnings");
        assertThat(w).hasSize(1);
        assertThat(w.get(0).get("setting").asText()).isEqualTo("gpuenv.deadline");
        assertThat(w.get(0).get("source").asText()).isEqualTo("GPUENV_DEADLINE");
        assertThat(w.get(0).get("value").asText()).isEqualTo("soon");
        assertThat(w.get(0).get("clamped").asBoolean()).isFalse();
        assertThat(new ObjectMapper().readTree(detect(env(Map.of("GPUENV_ROOT", root.toString()))).toJson())
                .get("configWarnings")).isEmpty();
    }

    /** The zero-argument detect() reads the real process environment: a child JVM with GPUENV_DEADLINE set. */
    @Test
    void theZeroArgumentDetectInAProcessWithAnOverflowingDeadlineReturnsAReport() throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), DetectMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("GPUENV_DEADLINE", "999999999h");
        pb.environment().put("GPUENV_PROBE_TIMEOUT", "99999999999999999999999s");
        pb.environment().put("GPUENV_ROOT", root.toString());
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("overflow");
        JsonNode json = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("configWarnings")).extracting(n -> n.get("source").asText())
                .containsExactlyInAnyOrder("GPUENV_DEADLINE", "GPUENV_PROBE_TIMEOUT");
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
