package io.github.gpuenv.docker.testing;

import io.github.gpuenv.docker.ConnectOptions;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.GpuContainer;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import io.github.gpuenv.system.Environment;

/**
 * A process that starts two detached {@code sleep 300} containers on {@code DOCKER_HOST} — one of its session, one
 * that outlives it — prints {@code REAPED <id>} and {@code OUTLIVES <id>}, and calls {@code System.exit(0)} without
 * closing anything: the JVM's shutdown hook must remove the first and leave the second (WorkloadsIT).
 */
public final class DetachedExitMain {

    private DetachedExitMain() {
    }

    public static void main(String[] args) {
        String image = System.getenv(TestEngines.IMAGE);
        DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().environment(Environment.system())
                .removeLeftovers(false).build());
        RunOptions.Builder sleeper = RunOptions.builder(image).command("sleep", "300").pullPolicy(PullPolicy.NEVER);
        GpuContainer reaped = docker.start(sleeper.build());
        GpuContainer outlives = docker.start(sleeper.outliveSession(true).build());
        System.out.println("REAPED " + reaped.id());
        System.out.println("OUTLIVES " + outlives.id());
        System.out.flush();
        System.exit(0);
    }
}
