package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.cdi.InjectionPlan;
import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.GpuRequestIgnoredException;
import io.github.gpuenv.docker.InjectionPlanner;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.report.DockerEngine.Product;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link GpuAttachment#decide} treats Podman, whose Docker-compatible API drops {@code --gpus} requests. */
class GpuAttachmentPodmanTest {

    private static final InjectionPlanner EMPTY_PLAN = ids -> new InjectionPlan(List.of(), List.of(), Map.of());

    private static DockerEngine engine(Product product, String version, GpuPath path, List<String> runtimes) {
        return new DockerEngine("unix:///run/gpuenv-podman/podman.sock", version, "1.41", "1.41", "linux", "debian",
                "6.1", false, false, runtimes, "runc", List.of("/etc/cdi", "/var/run/cdi"), List.of(), "cgroupfs", "1",
                path, "", product);
    }

    private static DockerEngine podman(String version, GpuPath path) {
        return engine(Product.PODMAN, version, path, List.of("crun", "runc"));
    }

    @Test
    void aToolkitRequestOnPodmanIsRefusedWithWhatToDo() {
        for (GpuRequest request : List.of(GpuRequest.all(), GpuRequest.count(2), GpuRequest.devices("GPU-1"),
                GpuRequest.all().withDriver("nvidia"))) {
            assertThatThrownBy(() -> GpuAttachment.decide(request, Attach.TOOLKIT, false,
                    podman("5.4.2", GpuPath.CDI), EMPTY_PLAN))
                    .isInstanceOf(GpuRequestIgnoredException.class)
                    .hasMessageContaining("Podman 5.4.2 ignores a --gpus device request")
                    .hasMessageContaining("without a GPU and without an error")
                    .satisfies(e -> assertThat(((GpuRequestIgnoredException) e).remedy())
                            .contains("--attach cdi", "nvidia-ctk cdi generate", "gpuenv cdi generate"));
        }
    }

    @Test
    void theSameRequestOnDockerIsAToolkitRequest() {
        DockerEngine docker = engine(Product.DOCKER, "26.1.5", GpuPath.NONE, List.of("runc"));
        GpuAttachment a = GpuAttachment.decide(GpuRequest.all(), Attach.TOOLKIT, false, docker, EMPTY_PLAN);
        assertThat(a.attach()).isEqualTo(Attach.TOOLKIT);
        assertThat(a.deviceRequests()).singleElement().satisfies(r -> assertThat(r.getDriver()).isEmpty());
        // and auto on a Docker Engine without a GPU path stays toolkit (the daemon decides)
        assertThat(GpuAttachment.decide(GpuRequest.all(), Attach.AUTO, false, docker, EMPTY_PLAN).attach())
                .isEqualTo(Attach.TOOLKIT);
    }

    @Test
    void autoOnPodmanIsCdiWhateverItsGpuPath() {
        for (GpuPath path : List.of(GpuPath.CDI, GpuPath.NONE)) {
            GpuAttachment a = GpuAttachment.decide(GpuRequest.count(2), Attach.AUTO, false, podman("5.4.2", path),
                    EMPTY_PLAN);
            assertThat(a.attach()).isEqualTo(Attach.CDI);
            assertThat(a.deviceRequests()).singleElement().satisfies(r -> {
                assertThat(r.getDriver()).isEqualTo("cdi");
                assertThat(r.getDeviceIds()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=1");
            });
            assertThat(a.reason()).contains("Podman");
        }
    }

    @Test
    void autoOnPodmanInjectsOnlyWhenAllowedAndNoSpecIsSeen() {
        assertThat(GpuAttachment.decide(GpuRequest.all(), Attach.AUTO, true, podman("5.4.2", GpuPath.NONE),
                EMPTY_PLAN).attach()).isEqualTo(Attach.INJECT);
        assertThat(GpuAttachment.decide(GpuRequest.all(), Attach.AUTO, true, podman("5.4.2", GpuPath.CDI),
                EMPTY_PLAN).attach()).isEqualTo(Attach.CDI);
    }

    @Test
    void beforePodman54EvenCdiRequestsAreRefused() {
        assertThatThrownBy(() -> GpuAttachment.decide(GpuRequest.cdi("nvidia.com/gpu=all"), Attach.AUTO, false,
                podman("5.3.1", GpuPath.NONE), EMPTY_PLAN))
                .isInstanceOf(GpuRequestIgnoredException.class)
                .hasMessageContaining("Podman 5.3.1 ignores every device request")
                .satisfies(e -> assertThat(((GpuRequestIgnoredException) e).remedy())
                        .contains("Podman 5.4", "--attach inject"));
        assertThatThrownBy(() -> GpuAttachment.decide(GpuRequest.all(), Attach.TOOLKIT, false,
                podman("4.9.3", GpuPath.NONE), EMPTY_PLAN)).isInstanceOf(GpuRequestIgnoredException.class)
                .satisfies(e -> assertThat(((GpuRequestIgnoredException) e).remedy()).contains("upgrade"));
        // injection uses devices and mounts, which every Podman honours
        assertThat(GpuAttachment.decide(GpuRequest.all(), Attach.INJECT, false, podman("5.3.1", GpuPath.NONE),
                EMPTY_PLAN).attach()).isEqualTo(Attach.INJECT);
    }

    @Test
    void versionsThatHonourCdiRequests() {
        assertThat(PodmanCompat.honoursCdiRequests("5.4.0")).isTrue();
        assertThat(PodmanCompat.honoursCdiRequests("5.4.0-rc3")).isTrue();
        assertThat(PodmanCompat.honoursCdiRequests("5.10.1")).isTrue();
        assertThat(PodmanCompat.honoursCdiRequests("6.0.0-dev")).isTrue();
        assertThat(PodmanCompat.honoursCdiRequests("5.3.2")).isFalse();
        assertThat(PodmanCompat.honoursCdiRequests("4.9.3")).isFalse();
        assertThat(PodmanCompat.honoursCdiRequests("")).isFalse();
        assertThat(PodmanCompat.honoursCdiRequests("garbage")).isFalse();
    }
}
