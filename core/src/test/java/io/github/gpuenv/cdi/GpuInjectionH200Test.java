package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.testing.FixtureRoots;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H200 host (driver under /usr/local/nvidia) against the spec NVIDIA's nvidia-ctk generated on it. */
class GpuInjectionH200Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID = "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510"; // procfs of this capture

    @TempDir
    Path root;
    private GpuInjection injection;
    private JsonNode ours;
    private JsonNode nvidia;

    @BeforeEach
    void setUp() throws Exception {
        FixtureRoots.h200(root);
        injection = GpuInjection.discover(FixtureRoots.options(root, FixtureRoots.H200_ENV));
        ours = JSON.readTree(injection.cdiSpecJson());
        nvidia = JSON.readTree(Fixtures.text("h200-toolkit/nvidia-ctk-cdi-h200.json"));
    }

    @AfterEach
    void removeNodeLinks() throws Exception {
        FixtureRoots.removeOutsideLinks(root);
    }

    @Test
    void devicesAreNamedAsNvidiaNamesThem() {
        List<String> nvidiaNames = texts(nvidia.get("devices"), "name");
        List<String> ourNames = texts(ours.get("devices"), "name");
        // the host was re-created between the captures, so the UUIDs differ; the shape is the same
        assertThat(nvidiaNames).hasSize(3).startsWith("0").endsWith("all");
        assertThat(nvidiaNames.get(1)).startsWith("GPU-");
        assertThat(ourNames).containsExactly("0", UUID, "all");
        assertThat(ours.get("kind").asText()).isEqualTo(nvidia.get("kind").asText());
        assertThat(injection.cdiDeviceNames()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=" + UUID, "nvidia.com/gpu=all");
        assertThat(injection.driverVersion()).isEqualTo("580.159.04");
    }

    @Test
    void deviceNodesMatchNvidiaAndPointAtTheRealHostNodes() {
        for (int i = 0; i < 3; i++) {
            assertThat(texts(ours.get("devices").get(i).get("containerEdits").get("deviceNodes"), "path"))
                    .isEqualTo(texts(nvidia.get("devices").get(i).get("containerEdits").get("deviceNodes"), "path"));
        }
        JsonNode common = ours.get("containerEdits").get("deviceNodes");
        assertThat(new TreeSet<>(texts(common, "path")))
                .isEqualTo(new TreeSet<>(texts(nvidia.get("containerEdits").get("deviceNodes"), "path")));
        for (JsonNode node : common) {
            assertThat(node.get("hostPath").asText()).isEqualTo(FixtureRoots.H200_NODE_TARGETS.get(node.get("path").asText()));
            assertThat(node.get("permissions").asText()).isEqualTo("rwm");
        }
        assertThat(ours.get("devices").get(0).get("containerEdits").get("deviceNodes").get(0).get("hostPath").asText())
                .isEqualTo("/dev/zero");
        // hostPath on device nodes and a device named "0" both need 0.5.0, the version NVIDIA wrote too
        assertThat(ours.get("cdiVersion").asText()).isEqualTo("0.5.0").isEqualTo(nvidia.get("cdiVersion").asText());
    }

    @Test
    void mountsTheFilesNvidiaMountsExceptItsGraphicsConfigFiles() {
        Set<String> nvidiaHostPaths = new TreeSet<>(texts(nvidia.get("containerEdits").get("mounts"), "hostPath"));
        nvidiaHostPaths.removeIf(p -> p.endsWith(".json")); // vulkan/egl config files: not in the captured tree
        Set<String> ourHostPaths = new TreeSet<>();
        for (JsonNode m : ours.get("containerEdits").get("mounts")) {
            ourHostPaths.add("/" + realRoot().relativize(Path.of(m.get("hostPath").asText())));
            assertThat(texts(m.get("options"))).containsExactly("ro", "nosuid", "nodev", "bind");
        }
        assertThat(ourHostPaths).isEqualTo(nvidiaHostPaths);
    }

    @Test
    void mountsEachLinkNvidiasHookWouldCreateAsTheFileItNames() {
        // NVIDIA's create-symlinks hook: --link TARGET::LINK; without hooks we bind the library at each LINK
        Set<String> hookLinks = new TreeSet<>();
        for (JsonNode hook : nvidia.get("containerEdits").get("hooks")) {
            List<String> args = texts(hook.get("args"));
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--link") && !args.get(i + 1).contains("/gbm/")) {
                    hookLinks.add(args.get(i + 1).substring(args.get(i + 1).indexOf("::") + 2));
                }
            }
        }
        Set<String> libraryContainerPaths = new TreeSet<>();
        for (JsonNode m : ours.get("containerEdits").get("mounts")) {
            String c = m.get("containerPath").asText();
            if (c.startsWith("/usr/local/nvidia/lib64/") && !m.get("hostPath").asText().endsWith(c.substring(c.lastIndexOf('/')))) {
                libraryContainerPaths.add(c);
            }
        }
        // libGLX_indirect.so.0 is a link the hook invents (the host has none): the one difference
        hookLinks.remove("/usr/local/nvidia/lib64/libGLX_indirect.so.0");
        assertThat(libraryContainerPaths).isEqualTo(hookLinks);
    }

    @Test
    void binariesGoToUsrBinAndLibrariesAlsoWhereTheImagesLoaderLooks() {
        InjectionPlan plan = injection.plan(List.of());
        assertThat(plan.mounts()).filteredOn(m -> m.containerPath().startsWith("/usr/bin/"))
                .extracting(Mount::containerPath)
                .containsExactly("/usr/bin/nvidia-smi", "/usr/bin/nvidia-debugdump", "/usr/bin/nvidia-persistenced",
                        "/usr/bin/nvidia-cuda-mps-control", "/usr/bin/nvidia-cuda-mps-server");
        assertThat(plan.mounts()).allMatch(Mount::readOnly);
        // the host keeps the driver in /usr/local/nvidia/lib64, which no image's loader searches: each library and
        // soname link is also at /usr/lib/x86_64-linux-gnu (Debian, Ubuntu) and /usr/lib64 (RHEL), from the same file
        java.util.Map<String, String> hostOf = new java.util.HashMap<>();
        plan.mounts().forEach(m -> hostOf.put(m.containerPath(), m.hostPath()));
        List<Mount> driverDir = plan.mounts().stream()
                .filter(m -> m.containerPath().startsWith("/usr/local/nvidia/lib64/")).toList();
        assertThat(driverDir).extracting(Mount::containerPath).contains("/usr/local/nvidia/lib64/libcuda.so.1",
                "/usr/local/nvidia/lib64/libnvidia-ml.so.1");
        for (Mount m : driverDir) {
            String name = m.containerPath().substring(m.containerPath().lastIndexOf('/') + 1);
            assertThat(hostOf).as(name).containsEntry("/usr/lib/x86_64-linux-gnu/" + name, m.hostPath())
                    .containsEntry("/usr/lib64/" + name, m.hostPath());
        }
        // and no LD_LIBRARY_PATH, which would replace the image's own (nvidia/cuda and framework images set it)
        assertThat(plan.environment()).isEmpty();
        JsonNode env = ours.get("containerEdits").get("env");
        assertThat(env == null ? List.of() : texts(env)).noneMatch(e -> e.startsWith("LD_LIBRARY_PATH="));
    }

    @Test
    void planSelectsGpusByIndexUuidOrAll() {
        InjectionPlan all = injection.plan(List.of());
        assertThat(all.deviceNodes()).extracting(DeviceNode::containerPath)
                .containsExactly("/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia0");
        assertThat(injection.plan(List.of("0"))).isEqualTo(all);
        assertThat(injection.plan(List.of(UUID.toLowerCase(java.util.Locale.ROOT), "0"))).isEqualTo(all);
        assertThat(injection.plan(List.of("all"))).isEqualTo(all);
    }

    @Test
    void unknownGpuIdListsTheAvailableOnes() {
        assertThatThrownBy(() -> injection.plan(List.of("1")))
                .isInstanceOf(NoSuchGpuException.class)
                .hasMessageContaining("no GPU 1")
                .hasMessageContaining("0, " + UUID)
                .satisfies(e -> assertThat(((NoSuchGpuException) e).availableIds()).containsExactly("0", UUID));
        assertThatThrownBy(() -> injection.plan(List.of("GPU-00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(NoSuchGpuException.class);
    }

    @Test
    void aKnownDriverRenumbersAndNamesGpusByBusId() {
        GpuDevice nvml = new GpuDevice(0, "NVIDIA H200", "GPU-aaaaaaaa-0000-0000-0000-000000000000", "00000000:00:06.0",
                null, "9.0", null);
        GpuInjection known = GpuInjection.discover(FixtureRoots.options(root, FixtureRoots.H200_ENV),
                new NvidiaDriver("580.159.04", "13.0", "nvml", List.of(nvml)));
        assertThat(known.cdiDeviceNames()).contains("nvidia.com/gpu=GPU-aaaaaaaa-0000-0000-0000-000000000000");
        assertThat(known.plan(List.of("GPU-aaaaaaaa-0000-0000-0000-000000000000")).deviceNodes())
                .extracting(DeviceNode::containerPath).contains("/dev/nvidia0");
    }

    @Test
    void capabilityNodesAreNotGiven() {
        assertThat(injection.plan(List.of()).deviceNodes()).noneMatch(n -> n.containerPath().contains("nvidia-caps"));
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
