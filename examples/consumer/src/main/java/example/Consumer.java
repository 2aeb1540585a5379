package example;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.docker.DockerGpu;
import io.github.gpuenv.docker.DockerUnavailableException;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.GpuEnvReport;

/** What a user writes after adding the one dependency: detect, then connect. */
public final class Consumer {

    private Consumer() {
    }

    public static void main(String[] args) {
        GpuEnvReport report = GpuEnv.detect();
        System.out.println("schema " + report.schemaVersion() + ", ready " + report.ready() + ", docker "
                + report.docker().map(DockerEngine::serverVersion).orElse("unknown"));
        try (DockerGpu docker = DockerGpu.connect()) {
            System.out.println("connected to " + docker.endpoint());
        } catch (DockerUnavailableException e) {
            System.out.println("no engine: " + e.getMessage());
        }
    }
}
