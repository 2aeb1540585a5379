package io.github.gpuenv.docker.testing;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.DockerUnavailableException;
import java.time.Duration;

/**
 * A tiny main for child-JVM tests (run as another user): prints the docker fact's unknown reason from
 * {@code GpuEnv.detect()} and the kind and remedy of {@code DockerGpu.connect()}'s failure, one {@code key=value}
 * a line, for the engine named by {@code DOCKER_HOST}.
 *
 * <p>{@code java -cp … io.github.gpuenv.docker.testing.ProbeMain} → {@code reason=permission-denied}, {@code kind=PERMISSION_DENIED}, {@code remedy=…}
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    public static void main(String[] args) {
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder().probeTimeout(Duration.ofSeconds(10)).build());
        System.out.println("reason=" + report.docker().unknownReason().map(Reason::id).orElse("known"));
        System.out.println("detail=" + report.docker().describe());
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().removeLeftovers(false).build())) {
            System.out.println("kind=connected " + docker.endpoint());
        } catch (DockerUnavailableException e) {
            System.out.println("kind=" + e.kind());
            System.out.println("remedy=" + e.remedy());
        }
    }
}
