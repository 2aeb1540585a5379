package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of CDI's specs-go/version.go, one field at a time. */
class CdiSpecVersionTest {

    private static final CdiSpec.DeviceNode DXG = new CdiSpec.DeviceNode("/dev/dxg", null, "rwm");
    private static final CdiSpec.Mount LIB = new CdiSpec.Mount("/usr/lib/wsl/lib/libcuda.so.1", "/usr/lib/wsl/lib/libcuda.so.1",
            null, List.of("ro", "nosuid", "nodev", "bind"));

    private static CdiSpec spec(String kind, String name, CdiSpec.DeviceNode node, CdiSpec.Mount mount,
                                Map<String, String> deviceAnnotations) {
        CdiSpec.Device device = new CdiSpec.Device(name, deviceAnnotations,
                new CdiSpec.ContainerEdits(List.of(), List.of(node), List.of()));
        return new CdiSpec("0.3.0", kind, Map.of(), List.of(device),
                new CdiSpec.ContainerEdits(List.of("A=b"), List.of(), List.of(mount)));
    }

    @Test
    void nvidiasWslSpecShapeIs030() {
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu", "all", DXG, LIB, Map.of()))).isEqualTo("0.3.0");
    }

    @Test
    void aMountTypeNeeds040() {
        CdiSpec.Mount typed = new CdiSpec.Mount("/a", "/a", "bind", List.of("ro"));
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu", "all", DXG, typed, Map.of()))).isEqualTo("0.4.0");
    }

    @Test
    void aDigitDeviceNameOrANodeHostPathNeeds050() {
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu", "0", DXG, LIB, Map.of()))).isEqualTo("0.5.0");
        CdiSpec.DeviceNode withHost = new CdiSpec.DeviceNode("/dev/nvidia0", "/dev/zero", "rwm");
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu", "gpu0", withHost, LIB, Map.of()))).isEqualTo("0.5.0");
    }

    @Test
    void annotationsOrADotInTheClassNeed060() {
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu", "all", DXG, LIB, Map.of("a", "b")))).isEqualTo("0.6.0");
        assertThat(CdiSpecVersion.minimumFor(spec("nvidia.com/gpu.x", "all", DXG, LIB, Map.of()))).isEqualTo("0.6.0");
        // a dot in the vendor is fine at 0.3.0
        assertThat(CdiSpecVersion.minimumFor(spec("gpuenv-test.example/gpu", "all", DXG, LIB, Map.of()))).isEqualTo("0.3.0");
    }
}
