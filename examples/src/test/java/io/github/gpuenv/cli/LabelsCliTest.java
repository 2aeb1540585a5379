package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpuenv labels} on the real H200 capture with every module (so the docker fact replays: ready through CDI),
 * in each format; and the example DaemonSet's command line is one the CLI accepts.
 */
class LabelsCliTest {

    @TempDir
    Path dir;

    private Path h200Root() throws Exception {
        return Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200")).resolve("root");
    }

    @Test
    void gfdLinesOfTheH200() throws Exception {
        CliRunner r = CliRunner.run("labels", "--no-timestamp", "--root", h200Root().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("nvidia.com/gpu.product=NVIDIA-H200\n", "nvidia.com/gpu.memory=143771\n",
                "nvidia.com/gpu.family=hopper\n", "nvidia.com/cuda.runtime-version.full=13.0\n",
                "gpuenv.io/cuda-containers-ready=true\n", "gpuenv.io/gpu-path=cdi\n")
                .doesNotContain("gfd.timestamp");
        List<String> lines = List.of(r.out().split("\n"));
        assertThat(lines).isSorted().allMatch(l -> l.matches("[a-z.\\-/]+=[A-Za-z0-9.\\-]*"));
    }

    @Test
    void anNfdFeaturesFileStartsWithItsExpiry() throws Exception {
        CliRunner r = CliRunner.run("labels", "--format", "nfd-features", "--expiry", "10m", "--root",
                h200Root().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)# \\+expiry-time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n.*")
                .contains("nvidia.com/gfd.timestamp=");
        assertThat(r.out().length()).isLessThan(64 * 1024);
    }

    @Test
    void jsonIsAnObjectOfTheSameLabels() throws Exception {
        CliRunner r = CliRunner.run("labels", "--format", "json", "--root", h200Root().toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("nvidia.com/gpu.count").asText()).isEqualTo("1");
        assertThat(json.get("gpuenv.io/cuda-containers-ready").asText()).isEqualTo("true");
    }

    @Test
    void theDaemonSetsCommandIsAValidGpuenvCommandLine() throws Exception {
        String manifest = Files.readString(Path.of("k8s", "gpuenv-labels-daemonset.yaml"));
        Matcher m = Pattern.compile("gpuenv\\.jar (labels[^>\\n]*?)\\s*>").matcher(manifest);
        assertThat(m.find()).as("the manifest runs gpuenv labels").isTrue();
        List<String> args = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
        args.addAll(List.of("--root", Files.createDirectories(dir.resolve("empty")).toString()));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# +expiry-time=");
    }
}
