package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gpuenv run} and {@code gpuenv smoke} in-process against the real engines. */
class RunCommandIT {

    @RegisterExtension
    final SystemStreams streams = new SystemStreams();

    private int gpuenv(String... args) {
        return GpuEnvCli.execute(args);
    }

    @Test
    void exitCodeAndOutputPassThrough() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int code = gpuenv("run", "-H", host, "--pull", "never", TestEngines.image(), "sh", "-c",
                "echo hi; echo warn >&2; exit 7");
        assertThat(code).isEqualTo(7);
        assertThat(streams.out()).isEqualTo("hi\n");
        assertThat(streams.err()).contains("warn\n");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void optionsAfterTheImageBelongToTheCommand() {
        String host = TestEngines.require(TestEngines.ENGINE26);
        assertThat(gpuenv("run", "-H", host, "--pull", "never", TestEngines.image(), "echo", "--gpus", "all"))
                .isZero();
        assertThat(streams.out()).isEqualTo("--gpus all\n");
    }

    @Test
    void aDaemonFailureIs125WithTheRemedy() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int code = gpuenv("run", "-H", host, "--pull", "never", "--gpus", "all", TestEngines.image(), "true");
        assertThat(code).isEqualTo(125);
        assertThat(streams.err()).contains("could not select device driver")
                .contains("nvidia-ctk runtime configure");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void toolkitPathThroughTheCli() {
        String host = TestEngines.require(TestEngines.HOOK);
        // the stand-in hook serves any ids; preflight would judge them by this machine's GPUs
        int code = gpuenv("run", "-H", host, "--pull", "never", "--no-preflight", "--gpus", "\"device=1,3\"",
                TestEngines.image(), "printenv", "NVIDIA_VISIBLE_DEVICES");
        assertThat(code).isZero();
        assertThat(streams.out()).isEqualTo("1,3\n");
    }

    @Test
    void detachedPrintsTheIdExitsZeroAndTheContainerOutlivesTheCli() {
        String host = TestEngines.require(TestEngines.ENGINE26);
        int code = gpuenv("run", "-d", "-H", host, "--pull", "never", "--network", "bridge", "-p", "127.0.0.1::8080",
                "--name", "gpuenv-cli-" + System.nanoTime(), "--init", TestEngines.image(), "sleep", "300");
        String id = streams.out().strip();
        try {
            assertThat(code).as(streams.err()).isZero();
            assertThat(id).matches("[0-9a-f]{64}");
            String json = TestEngines.get(host, "/containers/" + id + "/json");
            assertThat(json).contains("\"Running\":true", "\"io.github.gpuenv.outlive-session\":\"true\"",
                    "\"Init\":true", "\"HostIp\":\"127.0.0.1\"");
            try (io.github.gpuenv.docker.DockerGpu sweeper = TestEngines.connect(TestEngines.ENGINE26)) {
                sweeper.removeLeftovers();
            }
            assertThat(TestEngines.get(host, "/containers/" + id + "/json")).as("after a sweep")
                    .contains("\"Running\":true");
        } finally {
            if (id.matches("[0-9a-f]{64}")) {
                TestEngines.request(host, "DELETE", "/containers/" + id + "?force=1");
            }
        }
    }

    @Test
    void workloadOptionsReachTheContainer() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        int code = gpuenv("run", "-H", host, "--pull", "never", "--shm-size", "256m", "--ulimit", "stack=67108864",
                "--ulimit", "nofile=1000:2000", "-w", "/tmp/w", "--ipc", "shareable", "--add-host", "db:10.9.8.7",
                "-u", "4321", "--entrypoint", "sh", TestEngines.image(), "-c",
                "df -k /dev/shm | tail -1 | awk '{print $2}'; ulimit -s; ulimit -n; pwd; id -u; grep db /etc/hosts");
        assertThat(code).as(streams.err()).isZero();
        assertThat(streams.out().lines())
                .containsExactly("262144", "65536", "1000", "/tmp/w", "4321", "10.9.8.7\tdb");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void aBadGpusSpecIsAUsageError() {
        assertThat(gpuenv("run", "--gpus", "device=0,2", "img")).isEqualTo(GpuEnvCli.USAGE);
        assertThat(streams.err()).contains("cannot set both Count and DeviceIDs");
    }

    @Test
    void timeoutIs125() {
        String host = TestEngines.require(TestEngines.ENGINE26);
        assertThat(gpuenv("run", "-H", host, "--pull", "never", "--timeout", "500ms", TestEngines.image(), "sleep", "30"))
                .isEqualTo(125);
        // on a loaded machine the create or start itself may use up the 500 ms: then it is that request that hit it
        assertThat(streams.err()).containsAnyOf("took longer than its timeout", "reached its timeout");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void smokeWithoutNvidiaSmiInTheImageIs125() {
        String host = TestEngines.require(TestEngines.HOOK);
        int code = gpuenv("smoke", "-H", host, "--pull", "never", "--image", TestEngines.image());
        assertThat(code).isEqualTo(125);
        assertThat(streams.err()).contains("nvidia-smi");
        TestEngines.assertNoManagedContainers(host);
    }
}
