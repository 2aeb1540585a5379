package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code gpuenv run}'s arguments reach the daemon as argv: shell syntax in the command comes back verbatim, one
 * element each; an image name starting with {@code -} is never an option (a usage error before {@code --}, a typed
 * "invalid reference format" after it), and nothing is created.
 */
class RunArgvInjectionIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void shellSyntaxInTheCommandReachesTheContainerVerbatim() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int code = GpuEnvCli.execute("run", "-H", host, "--pull", "never", TestEngines.image(), "busybox", "printf",
                "[%s]\\n", "a;b", "$(id)", "`id`", "x\ny", "--privileged", "-v=/:/host", "&&", "|");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[a;b]\n[$(id)]\n[`id`]\n[x\ny]\n[--privileged]\n[-v=/:/host]\n[&&]\n[|]\n");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void anImageStartingWithADashIsAUsageErrorBeforeTheSeparator() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        assertThat(GpuEnvCli.execute("run", "-H", host, "--privileged", "true")).isEqualTo(GpuEnvCli.USAGE);
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void anImageStartingWithADashAfterTheSeparatorIsAnInvalidReference() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        assertThat(GpuEnvCli.execute("run", "-H", host, "--", "--privileged", "true")).isEqualTo(125);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid reference format");
        assertThat(GpuEnvCli.execute("run", "-H", host, "gpuenv/busybox;id", "true")).isEqualTo(125);
        TestEngines.assertNoManagedContainers(host);
    }
}
