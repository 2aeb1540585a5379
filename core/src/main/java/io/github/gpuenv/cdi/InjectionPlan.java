package io.github.gpuenv.cdi;

import java.util.List;
import java.util.Map;

/**
 * What a container needs to use NVIDIA GPUs without the NVIDIA Container Toolkit: device nodes, read-only driver
 * mounts and environment, computed from the host's driver files. The {@code gpuenv-docker} module applies it for
 * {@code --attach inject}; {@code gpuenv cdi generate} writes the same edits as a CDI spec.
 *
 * @param deviceNodes device nodes (control nodes plus the selected GPUs')
 * @param mounts read-only driver libraries, binaries and firmware
 * @param environment variables to set (e.g. {@code PATH} additions are not made; {@code LD_LIBRARY_PATH} may be)
 */
public record InjectionPlan(List<DeviceNode> deviceNodes, List<Mount> mounts, Map<String, String> environment) {
    public InjectionPlan {
        deviceNodes = List.copyOf(deviceNodes);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
    }
}
