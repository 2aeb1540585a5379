package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.TestEngines;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon killed (SIGKILL) mid-run: the run fails with a typed error, its container cannot be removed then, and the
 * next {@link DockerGpu#connect()} removes it once the daemon is back. Uses the throwaway engine of
 * {@code .ci/docker-engines.sh throwaway} (a fourth dockerd with its own data root and bridge).
 */
class DaemonDeathIT {

    @AfterEach
    void stopThrowaway() {
        TestEngines.script("throwaway", "stop");
    }

    @Test
    void aDaemonKilledMidRunLeavesNoContainerAfterReconnect() throws Exception {
        TestEngines.script("throwaway", "stop");
        String host = TestEngines.script("throwaway", "start");
        String image = TestEngines.require(TestEngines.REGISTRY) + "/" + TestEngines.image();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
            docker.pull(image, PullPolicy.MISSING, PullListener.none());
            Future<RunResult> run = pool.submit(() -> docker.run(RunOptions.builder(image).command("sleep", "300")
                    .pullPolicy(PullPolicy.NEVER).build()));
            DockerGpuRunIT.awaitRunning(host);
            TestEngines.script("throwaway", "kill");
            Throwable failure = null;
            try {
                run.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("the run must fail when its daemon dies").isInstanceOf(DockerGpuException.class);
            assertThat(failure.getSuppressed()).as("the removal failed too").isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        TestEngines.script("throwaway", "start");
        assertThat(TestEngines.managedContainers(host)).as("the container outlived its daemon").hasSize(1);
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
            assertThat(docker.removeLeftovers()).isZero();
        }
        TestEngines.assertNoManagedContainers(host);
    }
}
