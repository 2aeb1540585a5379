package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 item 6: a pull that fails (registry unreachable, image missing) prints gpuenv's one line and nothing of
 * docker-java's ({@code ERROR … ResultCallbackTemplate - Error during callback} and a stack trace, seen on the H200
 * with {@code gpuenv smoke} offline). The real CLI main in a child JVM, with the CLI's own logging configuration,
 * against the real engine.
 */
class FailedPullIT {

    private static final String ONE_LINE = "gpuenv: [^\\n]+ → [^\\n]+\\n";

    private static ChildJvm.Result gpuenv(String... args) {
        return ChildJvm.run(List.of(), "io.github.gpuenv.cli.GpuEnvCli", List.of(args), Map.of(), null,
                Duration.ofMinutes(2));
    }

    private static void assertOnlyGpuenvsLine(ChildJvm.Result r) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(GpuEnvCli.INTERNAL);
        assertThat(r.stderr()).doesNotContain("ResultCallbackTemplate").doesNotContain("ERROR")
                .doesNotContain("\tat ").matches(ONE_LINE);
    }

    @Test
    void anUnreachableRegistryIsOneLine() {
        String engine = TestEngines.require(TestEngines.ENGINE20);
        ChildJvm.Result run = gpuenv("run", "-H", engine, "--pull", "always", "127.0.0.1:1/gpuenv/none:tag", "true");
        assertOnlyGpuenvsLine(run);
        assertThat(run.stderr()).contains("127.0.0.1:1").contains("connection refused");
        ChildJvm.Result smoke = gpuenv("smoke", "-H", engine, "--pull", "always", "--image", "127.0.0.1:1/gpuenv/none:tag",
                "--skip", "nvml");
        assertOnlyGpuenvsLine(smoke);
    }

    /**
     * Issue #10: offline, the default image cannot be pulled; the line says so and names an image this engine has
     * (the test image), with which the check can run instead.
     */
    @Test
    void smokeOfflineSuggestsAnImageTheEngineHas() {
        String engine = TestEngines.require(TestEngines.ENGINE20);
        ChildJvm.Result smoke = gpuenv("smoke", "-H", engine, "--skip", "nvml");
        assertOnlyGpuenvsLine(smoke);
        assertThat(smoke.stderr()).startsWith("gpuenv: smoke: the default image " + SmokeCommand.DEFAULT_IMAGE
                + " is not on this engine and cannot be pulled: ").contains("gpuenv smoke --image ")
                .contains(TestEngines.image());
        TestEngines.assertNoManagedContainers(engine);
    }

    @Test
    void anImageMissingFromTheRegistryIsOneLine() {
        String engine = TestEngines.require(TestEngines.ENGINE26);
        String image = TestEngines.require(TestEngines.REGISTRY) + "/gpuenv/does-not-exist:tag";
        ChildJvm.Result run = gpuenv("run", "-H", engine, "--pull", "always", image, "true");
        assertOnlyGpuenvsLine(run);
        assertThat(run.stderr()).startsWith("gpuenv: image not found");
        TestEngines.assertNoManagedContainers(engine);
    }
}
