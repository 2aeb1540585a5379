package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Docker CLI's {@code --gpus} semantics (docker/cli opts/gpus.go and its tests). */
class GpuRequestTest {

    @Test
    void allIsCountMinusOne() {
        GpuRequest r = GpuRequest.parse("all");
        assertThat(r.count()).isEqualTo(-1);
        assertThat(r.deviceIds()).isEmpty();
        assertThat(r.capabilities()).isEqualTo(List.of(List.of("gpu")));
        assertThat(r.driver()).isEmpty();
        assertThat(r).isEqualTo(GpuRequest.all());
        assertThat(r.gpuIds()).containsExactly("all");
    }

    @Test
    void numbersAndCountKey() {
        assertThat(GpuRequest.parse("2").count()).isEqualTo(2);
        assertThat(GpuRequest.parse("count=3").count()).isEqualTo(3);
        assertThat(GpuRequest.parse("count=all").count()).isEqualTo(-1);
        assertThat(GpuRequest.parse("2")).isEqualTo(GpuRequest.count(2));
        assertThat(GpuRequest.parse("2").gpuIds()).containsExactly("0", "1");
    }

    @Test
    void driverOnlyDefaultsToCountOne() {
        GpuRequest r = GpuRequest.parse("driver=nvidia");
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.driver()).isEqualTo("nvidia");
    }

    @Test
    void devicesInQuotesAndUuids() {
        GpuRequest r = GpuRequest.parse("\"device=0,2\"");
        assertThat(r.count()).isZero();
        assertThat(r.deviceIds()).containsExactly("0", "2");
        assertThat(r).isEqualTo(GpuRequest.devices("0", "2"));
        assertThat(GpuRequest.parse("device=GPU-c7454434-1b63-6221-86be-cfa0953be945").deviceIds())
                .containsExactly("GPU-c7454434-1b63-6221-86be-cfa0953be945");
    }

    @Test
    void capabilitiesAlwaysGetGpuAppended() {
        GpuRequest r = GpuRequest.parse("all,\"capabilities=compute,utility\"");
        assertThat(r.capabilities()).isEqualTo(List.of(List.of("compute", "utility", "gpu")));
        assertThat(GpuRequest.all().withCapabilities("compute", "utility")).isEqualTo(r);
        assertThat(GpuRequest.parse("capabilities=utility").capabilities()).isEqualTo(List.of(List.of("utility", "gpu")));
    }

    @Test
    void optionsAreCsvOfKeyValues() {
        GpuRequest r = GpuRequest.parse("1,\"options=a=1,b\"");
        assertThat(r.options()).isEqualTo(Map.of("a", "1", "b", ""));
    }

    @Test
    void theClisErrors() {
        // unquoted commas split fields: "2" becomes a second count
        assertThatThrownBy(() -> GpuRequest.parse("device=0,2"))
                .hasMessage("cannot set both Count and DeviceIDs on device request");
        assertThatThrownBy(() -> GpuRequest.parse("capabilities=compute,utility"))
                .hasMessageStartingWith("invalid count (utility): value must be either \"all\" or an integer");
        assertThatThrownBy(() -> GpuRequest.parse("all,count=2"))
                .hasMessage("gpu request key 'count' can be specified only once");
        assertThatThrownBy(() -> GpuRequest.parse("driver=a,driver=b"))
                .hasMessage("gpu request key 'driver' can be specified only once");
        assertThatThrownBy(() -> GpuRequest.parse("foo=bar")).hasMessage("unexpected key 'foo' in 'foo=bar'");
        assertThatThrownBy(() -> GpuRequest.parse("")).hasMessage("EOF");
        assertThatThrownBy(() -> GpuRequest.parse("count=2,\"device=0\""))
                .hasMessage("cannot set both Count and DeviceIDs on device request");
    }

    @Test
    void cdiNames() {
        GpuRequest r = GpuRequest.parse("nvidia.com/gpu=0,nvidia.com/gpu=GPU-c7454434-1b63-6221-86be-cfa0953be945");
        assertThat(r.isCdi()).isTrue();
        assertThat(r.cdiDevices()).containsExactly("nvidia.com/gpu=0",
                "nvidia.com/gpu=GPU-c7454434-1b63-6221-86be-cfa0953be945");
        assertThat(r.driver()).isEqualTo("cdi");
        assertThat(GpuRequest.cdi("nvidia.com/gpu=all").gpuIds()).containsExactly("all");
        assertThatThrownBy(() -> GpuRequest.cdi("gpu0")).hasMessageContaining("not a CDI device name");
    }

    @Test
    void translatesToCdiNames() {
        assertThat(GpuRequest.all().cdiNames()).containsExactly("nvidia.com/gpu=all");
        assertThat(GpuRequest.devices("0", "GPU-x").cdiNames()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=GPU-x");
        assertThat(GpuRequest.count(2).cdiNames()).containsExactly("nvidia.com/gpu=0", "nvidia.com/gpu=1");
    }

    @Test
    void toStringRoundTrips() {
        for (String spec : List.of("all", "2", "\"device=0,2\"", "all,\"capabilities=compute,utility,gpu\",driver=nvidia",
                "1,\"options=a=1,b=2\"", "nvidia.com/gpu=all")) {
            GpuRequest r = GpuRequest.parse(spec);
            assertThat(GpuRequest.parse(r.toString())).as(spec).isEqualTo(r);
        }
    }
}
