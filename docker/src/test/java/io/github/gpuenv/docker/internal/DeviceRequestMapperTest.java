package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.DeviceRequest;
import io.github.gpuenv.docker.GpuRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceRequestMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void allIsCountMinusOneWithGpuCapability() throws Exception {
        DeviceRequest r = DeviceRequestMapper.toDeviceRequest(GpuRequest.all());
        assertThat(r.getCount()).isEqualTo(-1);
        assertThat(r.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
        assertThat(r.getDeviceIds()).isNull();
        assertThat(r.getDriver()).isEmpty();
        assertThat(JSON.readTree(JSON.writeValueAsString(r)))
                .isEqualTo(JSON.readTree("{\"Driver\":\"\",\"Count\":-1,\"DeviceIDs\":null,"
                        + "\"Capabilities\":[[\"gpu\"]],\"Options\":{}}"));
    }

    @Test
    void devicesCapabilitiesDriverOptions() {
        DeviceRequest r = DeviceRequestMapper.toDeviceRequest(
                GpuRequest.parse("\"device=0,2\",\"capabilities=compute,utility\",driver=nvidia,options=k=v"));
        assertThat(r.getCount()).isZero();
        assertThat(r.getDeviceIds()).containsExactly("0", "2");
        assertThat(r.getCapabilities()).isEqualTo(List.of(List.of("compute", "utility", "gpu")));
        assertThat(r.getDriver()).isEqualTo("nvidia");
        assertThat(r.getOptions()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void cdiNamesAreACdiDriverRequest() {
        DeviceRequest r = DeviceRequestMapper.toDeviceRequest(GpuRequest.cdi("nvidia.com/gpu=all"));
        assertThat(r.getDriver()).isEqualTo("cdi");
        assertThat(r.getDeviceIds()).containsExactly("nvidia.com/gpu=all");
        assertThat(r.getCount()).isNull();
    }
}
