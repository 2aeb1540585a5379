package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoaderPlacementTest {

    private static final NvidiaDriverFiles FILES = new NvidiaDriverFiles(false, "580.159.04",
            List.of(DeviceNode.of("/dev/nvidiactl", "/dev/nvidiactl")), List.of(),
            List.of(Mount.readOnly("/d/lib64/libcuda.so.580.159.04", "/d/lib64/libcuda.so.580.159.04"),
                    Mount.readOnly("/d/lib64/libcuda.so.580.159.04", "/d/lib64/libcuda.so.1"),
                    Mount.readOnly("/h/libnvidia-ml.so.580.159.04", "/usr/lib64/libnvidia-ml.so.1"),
                    Mount.readOnly("/d/bin/nvidia-smi", "/usr/bin/nvidia-smi"),
                    Mount.readOnly("/lib/firmware/nvidia/580.159.04/gsp_ga10x.bin",
                            "/lib/firmware/nvidia/580.159.04/gsp_ga10x.bin"),
                    Mount.readOnly("/usr/lib/wsl/drivers/nv.inf_amd64_1", "/usr/lib/wsl/drivers/nv.inf_amd64_1")),
            Map.of("LD_LIBRARY_PATH", "/d/lib64", "NVIDIA_KEEP", "x"));

    @Test
    void librariesAreAlsoPlacedInEachLoaderDirectoryOnce() {
        NvidiaDriverFiles placed = LoaderPlacement.place(FILES, LoaderPlacement.containerLoaderDirs("amd64"));
        assertThat(placed.mounts()).extracting(Mount::containerPath).containsExactly(
                "/d/lib64/libcuda.so.580.159.04", "/d/lib64/libcuda.so.1", "/usr/lib64/libnvidia-ml.so.1",
                "/usr/bin/nvidia-smi", "/lib/firmware/nvidia/580.159.04/gsp_ga10x.bin",
                "/usr/lib/wsl/drivers/nv.inf_amd64_1",
                "/usr/lib/x86_64-linux-gnu/libcuda.so.580.159.04", "/usr/lib64/libcuda.so.580.159.04",
                "/usr/lib/x86_64-linux-gnu/libcuda.so.1", "/usr/lib64/libcuda.so.1",
                "/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1");
        assertThat(placed.mounts()).filteredOn(m -> m.containerPath().endsWith("/libcuda.so.1"))
                .extracting(Mount::hostPath).containsOnly("/d/lib64/libcuda.so.580.159.04");
        assertThat(placed.mounts()).allMatch(Mount::readOnly);
    }

    @Test
    void theImagesLdLibraryPathIsLeftAloneOtherVariablesKept() {
        NvidiaDriverFiles placed = LoaderPlacement.place(FILES, LoaderPlacement.containerLoaderDirs("amd64"));
        assertThat(placed.environment()).containsExactly(Map.entry("NVIDIA_KEEP", "x"));
    }

    @Test
    void armUsesItsMultiarchDirectory() {
        assertThat(LoaderPlacement.containerLoaderDirs("aarch64"))
                .containsExactly("/usr/lib/aarch64-linux-gnu", "/usr/lib64");
        assertThat(LoaderPlacement.containerLoaderDirs("x86_64")).containsExactly("/usr/lib/x86_64-linux-gnu", "/usr/lib64");
        assertThat(LoaderPlacement.containerLoaderDirs(null)).containsExactly("/usr/lib/x86_64-linux-gnu", "/usr/lib64");
    }
}
