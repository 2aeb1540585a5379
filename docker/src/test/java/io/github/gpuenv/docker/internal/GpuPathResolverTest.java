package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.report.DockerEngine.Product;
import io.github.gpuenv.system.FileView;
import io.github.gpuenv.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuPathResolverTest {

    private static final FileView CDI_ROOT = FileView.rooted(Fixtures.path("cdi-root"));
    private static final FileView EMPTY_ROOT = FileView.rooted(Fixtures.path("engine-20.10"));
    private static final EngineVersion DOCKER = new EngineVersion("26.1.5", "1.45", "1.24", "linux", "6.1",
            Product.DOCKER);
    private static final EngineVersion PODMAN = EngineJsonParser.parseVersion(Fixtures.bytes("podman-5.4/version.json"))
            .orElseThrow();
    private static final EngineInfo PODMAN_INFO = EngineJsonParser.parseInfo(Fixtures.bytes("podman-5.4/info.json"))
            .orElseThrow();

    private static EngineInfo info(List<String> runtimes, List<String> cdiDirs, List<String> discovered) {
        return new EngineInfo("26.1.5", "linux", "Debian", "6.1", List.of(), runtimes, "runc", cdiDirs, discovered,
                "cgroupfs", "2", "");
    }

    @Test
    void nvidiaRuntimeFromTheH200Capture() {
        EngineInfo h200 = EngineJsonParser.parseInfo(
                Fixtures.bytes("h200-toolkit/docker-info-with-nvidia-runtime.json")).orElseThrow();
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(DOCKER, h200, EMPTY_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.NVIDIA_RUNTIME);
        assertThat(c.detail()).contains("nvidia");
    }

    @Test
    void discoveredCdiDevices() {
        assertThat(GpuPathResolver.resolve(DOCKER, info(List.of("runc"), List.of("/etc/cdi"), List.of("nvidia.com/gpu=0")),
                EMPTY_ROOT, false).gpuPath()).isEqualTo(GpuPath.CDI);
    }

    @Test
    void aSpecInTheCdiDirectories() {
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(DOCKER, info(List.of("runc"),
                List.of("/etc/cdi", "/var/run/cdi"), List.of()), CDI_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.CDI);
        assertThat(c.detail()).contains("/etc/cdi/nvidia.yaml").doesNotContain("other.json");
        assertThat(CdiSpecScanner.nvidiaGpuSpecs(CDI_ROOT, List.of("/etc/cdi", "/var/run/cdi")))
                .containsExactly("/etc/cdi/nvidia.yaml");
    }

    @Test
    void specDirectoriesOfARemoteEngineAreNotRead() {
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(DOCKER, info(List.of("runc"), List.of("/etc/cdi"), List.of()),
                CDI_ROOT, false);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(c.detail()).contains("not read");
    }

    @Test
    void plainEngines() {
        EngineInfo e20 = EngineJsonParser.parseInfo(Fixtures.bytes("engine-20.10/info.json")).orElseThrow();
        assertThat(GpuPathResolver.resolve(DOCKER, e20, CDI_ROOT, true).gpuPath()).isEqualTo(GpuPath.NONE);
        EngineInfo e26 = EngineJsonParser.parseInfo(Fixtures.bytes("engine-26.1/info.json")).orElseThrow();
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(DOCKER, e26, CDI_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(c.detail()).contains("/etc/gpuenv-cdi26");
    }

    @Test
    void podmanWithAnNvidiaSpecInItsDefaultDirectoriesIsCdi() {
        // its /info has no CDISpecDirs: the directories Podman 5.4 reads are scanned
        assertThat(PODMAN_INFO.cdiSpecDirs()).isEmpty();
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(PODMAN, PODMAN_INFO, CDI_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.CDI);
        assertThat(c.detail()).contains("Podman", "/etc/cdi/nvidia.yaml", "ignores --gpus");
    }

    @Test
    void podmanWithoutASpecIsNoneEvenWithAnNvidiaRuntimeListed() {
        EngineInfo withNvidia = new EngineInfo("5.4.2", "linux", "debian", "6.1", List.of(),
                List.of("crun", "nvidia", "runc"), "crun", List.of(), List.of(), "cgroupfs", "1", "");
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(PODMAN, withNvidia, EMPTY_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(c.detail()).contains("Podman ignores --gpus", "/etc/cdi, /var/run/cdi", "cdi generate");
        assertThat(GpuPathResolver.resolve(PODMAN, PODMAN_INFO, CDI_ROOT, false).detail()).contains("not read");
    }

    @Test
    void podmanBefore54IgnoresCdiRequestsToo() {
        EngineVersion v53 = new EngineVersion("5.3.1", "1.41", "1.24", "linux", "6.1", Product.PODMAN);
        GpuPathResolver.Conclusion c = GpuPathResolver.resolve(v53, PODMAN_INFO, CDI_ROOT, true);
        assertThat(c.gpuPath()).isEqualTo(GpuPath.NONE);
        assertThat(c.detail()).contains("Podman 5.3.1 ignores every device request", "5.4");
    }
}
