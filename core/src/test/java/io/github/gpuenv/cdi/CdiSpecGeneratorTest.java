package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.Mount;
import io.github.gpuenv.cdi.NvidiaDriverFiles.GpuNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdiSpecGeneratorTest {

    private static final NvidiaDriverFiles WSL = new NvidiaDriverFiles(true, "", List.of(DeviceNode.of("/dev/dxg", "/dev/dxg")),
            List.of(), List.of(Mount.readOnly("/usr/lib/wsl/lib/libcuda.so.1", "/usr/lib/wsl/lib/libcuda.so.1")),
            Map.of("LD_LIBRARY_PATH", "/usr/lib/wsl/lib"));

    private static final NvidiaDriverFiles TWO_GPUS = new NvidiaDriverFiles(false, "580.159.04",
            List.of(DeviceNode.of("/dev/nvidiactl", "/dev/nvidiactl")),
            List.of(new GpuNode(0, "GPU-a", "0000:01:00.0", List.of(DeviceNode.of("/dev/nvidia0", "/dev/nvidia0"))),
                    new GpuNode(1, "", "0000:02:00.0", List.of(DeviceNode.of("/dev/nvidia1", "/dev/nvidia1")))),
            List.of(Mount.readOnly("/usr/lib/x86_64-linux-gnu/libcuda.so.580.159.04", "/usr/lib/x86_64-linux-gnu/libcuda.so.1")),
            Map.of());

    @Test
    void aRealWslHostGetsNvidiasVersion030Shape() {
        CdiSpec spec = CdiSpecGenerator.spec(WSL, "nvidia.com/gpu");
        assertThat(spec.cdiVersion()).isEqualTo("0.3.0");
        assertThat(spec.devices()).extracting(CdiSpec.Device::name).containsExactly("all");
        assertThat(spec.devices().get(0).containerEdits().deviceNodes()).extracting(CdiSpec.DeviceNode::path)
                .containsExactly("/dev/dxg");
        assertThat(spec.containerEdits().deviceNodes()).isEmpty();
        assertThat(CdiSpecGenerator.json(spec)).doesNotContain("hostPath\" : \"/dev").contains("\"LD_LIBRARY_PATH=/usr/lib/wsl/lib\"");
    }

    @Test
    void eachGpuIsNamedByIndexAndUuidAndAllHasEveryNode() {
        CdiSpec spec = CdiSpecGenerator.spec(TWO_GPUS, "nvidia.com/gpu");
        assertThat(spec.devices()).extracting(CdiSpec.Device::name).containsExactly("0", "GPU-a", "1", "all");
        assertThat(spec.devices().get(3).containerEdits().deviceNodes()).extracting(CdiSpec.DeviceNode::path)
                .containsExactly("/dev/nvidia0", "/dev/nvidia1");
        assertThat(spec.containerEdits().deviceNodes()).extracting(CdiSpec.DeviceNode::path).containsExactly("/dev/nvidiactl");
        assertThat(spec.containerEdits().env()).isEmpty();
        assertThat(CdiSpecGenerator.json(spec)).doesNotContain("\"env\"").doesNotContain("hostPath\" : \"/dev");
        assertThat(spec.cdiVersion()).isEqualTo("0.5.0"); // device "0"
    }

    @Test
    void anotherKindIsUsedAsGivenAndBadKindsAreRefused() {
        assertThat(CdiSpecGenerator.spec(TWO_GPUS, "gpuenv-test.example/gpu").kind()).isEqualTo("gpuenv-test.example/gpu");
        for (String bad : new String[] {"gpu", "/gpu", "nvidia.com/", "nvidia.com/gpu/x", "nvidia.com/gpu=all", "1x/gpu", ""}) {
            assertThatThrownBy(() -> CdiSpecGenerator.spec(TWO_GPUS, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid CDI kind");
        }
    }
}
