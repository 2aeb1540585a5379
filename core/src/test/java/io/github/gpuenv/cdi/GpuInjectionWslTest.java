package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.testing.FixtureRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WSL2: /dev/dxg, /usr/lib/wsl/lib and the driver store, as NVIDIA's WSL spec gives them. */
class GpuInjectionWslTest {

    private static final String STORE = "/usr/lib/wsl/drivers/nv_dispig.inf_amd64_1fea8972dc2f0a69";

    @TempDir
    Path root;

    @AfterEach
    void removeNodeLinks() throws Exception {
        FixtureRoots.removeOutsideLinks(root);
    }

    @Test
    void theSpecHasOneDeviceAllWithDxgAndTheWslLibraries() throws Exception {
        FixtureRoots.wsl(root);
        GpuInjection injection = GpuInjection.discover(FixtureRoots.options(root, Map.of()));
        assertThat(injection.wsl()).isTrue();
        JsonNode spec = new ObjectMapper().readTree(injection.cdiSpecJson());
        assertThat(spec.get("devices")).hasSize(1);
        JsonNode all = spec.get("devices").get(0);
        assertThat(all.get("name").asText()).isEqualTo("all");
        assertThat(all.get("containerEdits").get("deviceNodes").get(0).get("path").asText()).isEqualTo("/dev/dxg");

        InjectionPlan plan = injection.plan(List.of());
        assertThat(plan.deviceNodes()).containsExactly(DeviceNode.of("/dev/null", "/dev/dxg"));
        List<String> libraries = List.of("libcuda.so", "libcuda.so.1", "libcuda.so.1.1", "libcuda_loader.so",
                "libnvidia-ml.so.1", "libnvidia-ml_loader.so", "libdxcore.so", "libnvidia-ptxjitcompiler.so.1",
                "libnvdxgdmal.so.1");
        List<String> expected = new java.util.ArrayList<>();
        libraries.forEach(l -> expected.add("/usr/lib/wsl/lib/" + l));
        expected.add(STORE);
        expected.add("/usr/bin/nvidia-smi");
        // each library also where the image's loader looks, instead of LD_LIBRARY_PATH=/usr/lib/wsl/lib
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu/", "/usr/lib64/")) {
            libraries.forEach(l -> expected.add(dir + l));
        }
        assertThat(plan.mounts()).extracting(Mount::containerPath).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plan.mounts()).filteredOn(m -> m.containerPath().equals("/usr/bin/nvidia-smi")).singleElement()
                .extracting(Mount::hostPath).asString().endsWith("/usr/lib/wsl/lib/nvidia-smi");
        assertThat(plan.environment()).isEmpty();
    }

    @Test
    void gpuIdsAreCheckedAgainstAKnownDriver() {
        FixtureRoots.wsl(root);
        NvidiaDriver driver = new NvidiaDriver("610.88", "13.1", "nvml",
                List.of(new GpuDevice(0, "NVIDIA GeForce RTX 4080 SUPER", "GPU-0a9c61d2-8c1d-c9b8-a902-3ad727d75c51", null,
                        null, "8.9", null)));
        GpuInjection injection = GpuInjection.discover(FixtureRoots.options(root, Map.of()), driver);
        assertThat(injection.driverVersion()).isEqualTo("610.88");
        assertThat(injection.plan(List.of("GPU-0a9c61d2-8c1d-c9b8-a902-3ad727d75c51"))).isEqualTo(injection.plan(List.of()));
        assertThatThrownBy(() -> injection.plan(List.of("1"))).isInstanceOf(NoSuchGpuException.class)
                .hasMessageContaining("0, GPU-0a9c61d2");
    }

    @Test
    void dxgWithoutTheWindowsDriverSaysToInstallIt() throws Exception {
        FixtureRoots.wsl(root);
        for (String name : new String[] {"libcuda.so", "libcuda.so.1", "libcuda.so.1.1"}) {
            Files.delete(root.resolve("usr/lib/wsl/lib/" + name));
        }
        assertThatThrownBy(() -> GpuInjection.discover(FixtureRoots.options(root, Map.of())))
                .isInstanceOf(NvidiaDriverNotInstalledException.class)
                .hasMessageContaining("NVIDIA Windows driver is not installed")
                .hasMessageContaining("wsl --shutdown");
    }
}
