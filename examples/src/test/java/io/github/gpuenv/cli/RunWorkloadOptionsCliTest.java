package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gpuenv run}'s workload options refuse a bad value before any engine is contacted (the host is a socket
 * that does not exist): one line on stderr in docker's words, {@code invalid argument "X" for "--flag" flag: …},
 * then what to write instead; exit 2.
 */
class RunWorkloadOptionsCliTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--shm-size|16x|invalid argument \"16x\" for \"--shm-size\" flag: invalid suffix: 'x'",
            "--memory|lots|invalid argument \"lots\" for \"--memory\" flag: invalid size",
            "--ulimit|memlock|invalid argument \"memlock\" for \"--ulimit\" flag: invalid ulimit argument",
            "--ulimit|nofile=10:5|ulimit soft limit must be less than or equal to hard limit: 10 > 5",
            "-p|80/foo|invalid argument \"80/foo\" for \"--publish\" flag: invalid proto: 'foo'",
            "-v|vol:x|invalid argument \"vol:x\" for \"--volume\" flag: invalid volume specification",
            "-v|/tmp:/x:rw,ro|invalid mode: 'rw,ro'",
            "--ipc|hots|invalid argument \"hots\" for \"--ipc\" flag: invalid IPC mode",
            "--cpus|1/3|invalid argument \"1/3\" for \"--cpus\" flag: value is too precise",
            "--cpuset-cpus|3-1|for \"--cpuset-cpus\" flag: invalid cpuset",
            "--add-host|db:nowhere|invalid IP address in add-host",
            "-w|relative|it needs to be an absolute path",
            "--name|-bad|invalid container name",
            "-l|io.github.gpuenv.session=x|gpuenv's own"})
    void aBadValueIsAOneLineUsageError(String flag, String value, String message) {
        CliRunner r = CliRunner.run("run", "-H", "unix:///nonexistent/docker.sock", flag, value, "img", "true");
        assertThat(r.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(r.err()).startsWith("gpuenv: ").contains(message).contains(" → ").endsWith("\n");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Docker Engine not running");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"none", "host"})
    void publishingWithoutANetworkOfItsOwnIsAUsageError(String network) {
        CliRunner r = CliRunner.run("run", "-H", "unix:///nonexistent/docker.sock", "--network", network, "-p", "8080",
                "img");
        assertThat(r.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(r.err()).contains("published ports need a network").contains("add --network bridge")
                .contains("gpuenv help run");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"--shm-size", "-v", "-p", "--ulimit"})
    void aHugeValueIsNotRepeatedWhole(String flag) {
        String huge = "9".repeat(100_000) + "x";
        CliRunner r = CliRunner.run("run", "-H", "unix:///nonexistent/docker.sock", flag, huge, "img");
        assertThat(r.exitCode()).isEqualTo(GpuEnvCli.USAGE);
        assertThat(r.err().length()).isLessThan(1000);
    }
}
