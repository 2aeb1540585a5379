package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.model.DeviceRequest;
import io.github.gpuenv.docker.GpuRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The one place a {@link GpuRequest} becomes docker-java's {@link DeviceRequest}, field for field as the Docker CLI
 * sends it: {@code Count} −1 for all, N, or 0 with {@code DeviceIDs}; {@code Capabilities} {@code [["gpu", …]]};
 * {@code Driver}; {@code Options}. A CDI request is {@code Driver: "cdi"} with the names as {@code DeviceIDs}.
 *
 * <p>{@code hostConfig.withDeviceRequests(List.of(DeviceRequestMapper.toDeviceRequest(GpuRequest.all())));}
 */
public final class DeviceRequestMapper {

    private DeviceRequestMapper() {
    }

    /** The device request for {@code request}. */
    public static DeviceRequest toDeviceRequest(GpuRequest request) {
        if (request.isCdi()) {
            return cdi(request.cdiDevices());
        }
        List<List<String>> capabilities = new ArrayList<>();
        request.capabilities().forEach(c -> capabilities.add(new ArrayList<>(c)));
        return new DeviceRequest()
                .withDriver(request.driver())
                .withCount(request.count())
                .withDeviceIds(request.deviceIds().isEmpty() ? null : new ArrayList<>(request.deviceIds()))
                .withCapabilities(capabilities)
                .withOptions(new LinkedHashMap<>(request.options()));
    }

    /** A {@code Driver: "cdi"} request for fully qualified CDI device names. */
    public static DeviceRequest cdi(List<String> names) {
        return new DeviceRequest().withDriver("cdi").withDeviceIds(new ArrayList<>(names));
    }
}
