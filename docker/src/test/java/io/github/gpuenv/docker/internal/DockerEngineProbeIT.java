package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.spi.ProbeContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerEngineProbeIT {

    private static ProbeContext context(String host, boolean probeContainer) {
        DetectOptions options = DetectOptions.builder().environment(TestEngines.environment(host))
                .probeTimeout(Duration.ofSeconds(10)).dockerProbeContainer(probeContainer).build();
        return new ProbeContext(FileView.rooted(Path.of("/")), options.commandRunner(), options.environment(), options);
    }

    @Test
    void engine20() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        DockerEngine e = new DockerEngineProbe().probe(context(host, false)).value();
        assertThat(e.endpoint()).isEqualTo(host);
        assertThat(e.serverVersion()).startsWith("20.10.");
        assertThat(e.apiVersion()).isEqualTo("1.41");
        assertThat(e.negotiatedApiVersion()).isEqualTo("1.41");
        assertThat(e.osType()).isEqualTo("linux");
        assertThat(e.runtimes()).contains("runc").doesNotContain("nvidia");
        assertThat(e.cdiSpecDirs()).isEmpty();
        assertThat(e.cgroupVersion()).isIn("1", "2");
        assertThat(e.gpuPath()).isEqualTo(GpuPath.NONE);
    }

    @Test
    void engine26ReportsItsCdiSpecDirs() {
        String host = TestEngines.require(TestEngines.ENGINE26);
        DockerEngine e = new DockerEngineProbe().probe(context(host, false)).value();
        assertThat(e.serverVersion()).startsWith("26.1.");
        assertThat(e.negotiatedApiVersion()).isEqualTo("1.45");
        assertThat(e.cdiSpecDirs()).containsExactly(System.getenv().getOrDefault("GPUENV_TEST_DOCKER26_CDI_DIR",
                "/etc/gpuenv-cdi26"));
    }

    @Test
    void noSocketIsNotFoundWithTheEndpoint() {
        Fact<DockerEngine> f = new DockerEngineProbe().probe(context("unix:///nonexistent/gpuenv/docker.sock", false));
        assertThat(f.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(f.describe()).contains("Docker Engine not running at unix:///nonexistent/gpuenv/docker.sock");
    }

    @Test
    void refusedTcpIsNotFound() {
        Fact<DockerEngine> f = new DockerEngineProbe().probe(context("tcp://127.0.0.1:1", false));
        assertThat(f.unknownReason()).contains(Reason.NOT_FOUND);
        assertThat(f.describe()).contains("tcp://127.0.0.1:1");
    }

    @Test
    void aSilentListenerTimesOut() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            DetectOptions options = DetectOptions.builder()
                    .environment(TestEngines.environment("tcp://127.0.0.1:" + silent.getLocalPort()))
                    .probeTimeout(Duration.ofMillis(500)).build();
            long start = System.nanoTime();
            Fact<DockerEngine> f = new DockerEngineProbe().probe(new ProbeContext(FileView.rooted(Path.of("/")),
                    options.commandRunner(), options.environment(), options));
            assertThat(f.unknownReason()).contains(Reason.TIMED_OUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void probeContainerOnAPlainEngineConcludesNoneAndLeavesNothing(String variable) {
        String host = TestEngines.require(variable);
        TestEngines.image();
        DockerEngine e = new DockerEngineProbe().probe(context(host, true)).value();
        assertThat(e.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(e.gpuPathDetail()).contains("could not select device driver");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void detectFindsTheProviderThroughServiceLoader() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        GpuEnvReport report = GpuEnv.detect(DetectOptions.builder().environment(TestEngines.environment(host)).build());
        assertThat(report.docker().value().endpoint()).isEqualTo(host);
        assertThat(report.toJson()).containsPattern("\"gpuPath\"\\s*:\\s*\"none\"");
    }
}
