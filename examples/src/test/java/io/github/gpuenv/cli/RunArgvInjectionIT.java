package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gpuenv run}'s arguments reach the daemon as argv: shell syntax in the command comes back verbatim, one
 * element each; an image name starting with {@code -} is never an option (a usage error before {@code --}, a typed
 * "invalid reference format" after it), and nothing is created.
 */
class RunArgvInjectionIT {

    @RegisterExtension
    final SystemStreams streams = new SystemStreams();

    @Test
    void shellSyntaxInTheCommandReachesTheContainerVerbatim() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int code = GpuEnvCli.execute("run", "-H", host, "--pull", "never", TestEngines.image(), "busybox", "printf",
                "[%s]\\n", "a;b", "$(id)", "`id`", "x\ny", "--privileged", "-v=/:/host", "&&", "|");
        assertThat(code).as(streams.err()).isZero();
        assertThat(streams.out()).isEqualTo(
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
        assertThat(streams.err()).contains("invalid reference format");
        assertThat(GpuEnvCli.execute("run", "-H", host, "gpuenv/busybox;id", "true")).isEqualTo(125);
        TestEngines.assertNoManagedContainers(host);
    }
}
