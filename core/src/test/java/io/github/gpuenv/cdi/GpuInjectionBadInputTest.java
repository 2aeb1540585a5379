package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.testing.FixtureRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts that are missing things, disagree with themselves, or are just big. */
class GpuInjectionBadInputTest {

    private static final String LIB64 = "/usr/local/nvidia/lib64";

    @TempDir
    Path root;

    @AfterEach
    void removeNodeLinks() throws Exception {
        FixtureRoots.removeOutsideLinks(root);
    }

    private GpuInjection discover() {
        return GpuInjection.discover(FixtureRoots.options(root, FixtureRoots.H200_ENV));
    }

    @Test
    void anEmptyHostHasNoDriver() {
        assertThatThrownBy(() -> GpuInjection.discover(FixtureRoots.options(root, Map.of())))
                .isInstanceOf(NvidiaDriverNotInstalledException.class)
                .hasMessageContaining("the NVIDIA driver is not installed on this host")
                .satisfies(e -> assertThat(((NvidiaDriverNotInstalledException) e).remedy()).contains("install the NVIDIA driver"));
    }

    @Test
    void withoutProcfsTheVersionComesFromLibcudaAndGpusFromDevNodes() throws Exception {
        FixtureRoots.h200(root);
        deleteTree(root.resolve("proc"));
        FixtureRoots.link(root, "/dev/nvidia3", "/dev/null");
        GpuInjection injection = discover();
        assertThat(injection.driverVersion()).isEqualTo("580.159.04");
        // no UUIDs without procfs; indices follow the minor numbers
        assertThat(injection.cdiDeviceNames()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=1", "nvidia.com/gpu=all");
        assertThat(injection.plan(List.of("1")).deviceNodes()).extracting(DeviceNode::containerPath)
                .containsExactly("/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia3");
    }

    @Test
    void aKernelModuleOtherThanTheLibrariesIsAMismatch() throws Exception {
        FixtureRoots.h200(root);
        Path version = root.resolve("proc/driver/nvidia/version");
        Files.writeString(version, Files.readString(version).replace("580.159.04", "570.86.10"));
        assertThatThrownBy(this::discover)
                .isInstanceOf(DriverVersionMismatchException.class)
                .hasMessageContaining("kernel module is 570.86.10 but the driver libraries in " + LIB64 + " are 580.159.04")
                .hasMessageContaining("reboot");
    }

    @Test
    void librariesOfAnotherVersionBesideTheDriverAreIgnored() throws Exception {
        FixtureRoots.h200(root);
        FixtureRoots.file(root, LIB64 + "/libnvidia-ml.so.570.86.10");
        FixtureRoots.file(root, "/usr/lib/x86_64-linux-gnu/libcuda.so.570.86.10");
        InjectionPlan plan = discover().plan(List.of());
        assertThat(plan.mounts()).noneMatch(m -> m.hostPath().contains("570.86.10"));
        assertThat(plan.mounts()).anyMatch(m -> m.containerPath().equals(LIB64 + "/libnvidia-ml.so.1"));
    }

    @Test
    void danglingLinksAreSkipped() throws Exception {
        FixtureRoots.h200(root);
        FixtureRoots.link(root, "/dev/nvidia-uvm-tools", "/nonexistent/nvidia-uvm-tools");
        FixtureRoots.link(root, LIB64 + "/libnvidia-cfg.so.1", "libnvidia-cfg.so.999");
        Files.delete(root.resolve("usr/local/nvidia/lib64/libnvoptix.so.580.159.04"));
        InjectionPlan plan = discover().plan(List.of());
        assertThat(plan.deviceNodes()).extracting(DeviceNode::containerPath).doesNotContain("/dev/nvidia-uvm-tools");
        assertThat(plan.mounts()).extracting(Mount::containerPath)
                .contains(LIB64 + "/libnvidia-cfg.so.580.159.04")
                .doesNotContain(LIB64 + "/libnvidia-cfg.so.1", LIB64 + "/libnvoptix.so.1", LIB64 + "/libnvoptix.so");
    }

    @Test
    void aGpuWhoseNodeIsMissingIsNotOffered() throws Exception {
        FixtureRoots.h200(root);
        Files.delete(root.resolve("dev/nvidia0"));
        GpuInjection injection = discover();
        assertThat(injection.cdiDeviceNames()).containsExactly("nvidia.com/gpu=all");
        assertThatThrownBy(() -> injection.plan(List.of("0"))).isInstanceOf(NoSuchGpuException.class)
                .hasMessageContaining("no selectable GPUs");
    }

    @Test
    void librariesWithoutDeviceNodesSayHowToCreateThem() throws Exception {
        FixtureRoots.h200(root);
        Files.delete(root.resolve("dev/nvidiactl"));
        assertThatThrownBy(this::discover).isInstanceOf(NvidiaDriverNotInstalledException.class)
                .hasMessageContaining("/dev/nvidiactl is missing").hasMessageContaining("nvidia-smi");
    }

    @Test
    void aLoadedModuleWithoutLibrariesNamesTheVersionToInstall() throws Exception {
        FixtureRoots.h200(root);
        deleteTree(root.resolve("usr/local/nvidia/lib64"));
        assertThatThrownBy(this::discover).isInstanceOf(NvidiaDriverNotInstalledException.class)
                .hasMessageContaining("kernel module 580.159.04 is loaded but libcuda.so.580.159.04 is in none of")
                .hasMessageContaining("nvidia-driver-580");
    }

    @Test
    void aHugeLibraryDirectoryStillYieldsEveryDriverFile() throws Exception {
        FixtureRoots.h200(root);
        int before = discover().plan(List.of()).mounts().size();
        Path lib = root.resolve("usr/local/nvidia/lib64");
        for (int i = 0; i < 12_000; i++) { // more than FileView.list returns
            Files.createFile(lib.resolve("libzz-unrelated-" + i + ".so." + i));
        }
        assertThat(discover().plan(List.of()).mounts()).hasSize(before);
    }

    @Test
    void garbageInProcfsFallsBackToTheFiles() throws Exception {
        FixtureRoots.h200(root);
        Files.write(root.resolve("proc/driver/nvidia/version"), new byte[] {0, (byte) 0xff, 'N', 'V', 0, 1, 2});
        Files.writeString(root.resolve("proc/driver/nvidia/gpus/0000:00:06.0/information"), "Device Minor: \t x\n");
        GpuInjection injection = discover();
        assertThat(injection.driverVersion()).isEqualTo("580.159.04");
        assertThat(injection.cdiDeviceNames()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=all");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
