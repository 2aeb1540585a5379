package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.SessionHolderMain;
import io.github.gpuenv.docker.testing.TestEngines;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code gpuenv run} sweeps leftovers beside its launch ({@link BackgroundSweep}) instead of before it: what a dead
 * owner left is still gone when the command returns, and the run itself is unharmed.
 */
class RunSweepIT {

    private static final Pattern RUNNING = Pattern.compile("RUNNING ([0-9a-f]{64})");

    @Test
    void aRunRemovesWhatADeadOwnerLeftBeforeItReturns() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        // a second JVM that starts a run and halts at once, leaving its container running
        Process child = ChildJvm.start(List.of(), List.of(), SessionHolderMain.class.getName(), List.of("crash", "PT2M"),
                Map.of("DOCKER_HOST", host, TestEngines.IMAGE, TestEngines.image()));
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String leftover = null;
        for (String line = lines.readLine(); line != null && leftover == null; line = lines.readLine()) {
            Matcher running = RUNNING.matcher(line);
            leftover = running.matches() ? running.group(1) : null;
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leftover).as("the child's container").isNotNull();
        assertThat(TestEngines.get(host, "/containers/" + leftover + "/json")).contains("\"Running\":true");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = GpuEnvCli.execute("run", "-H", host, "--pull", "never", TestEngines.image(), "echo", "ran");
        } finally {
            System.setOut(saved);
        }

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ran\n");
        assertThat(TestEngines.managedContainers(host)).as("the dead owner's container").doesNotContain(leftover);
    }
}
