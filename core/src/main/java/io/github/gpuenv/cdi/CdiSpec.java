package io.github.gpuenv.cdi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CDI spec (https://github.com/cncf-tags/container-device-interface/blob/main/SPEC.md), as the subset of its
 * JSON that gpuenv writes: Jackson serialises this record tree, field names are the spec's.
 *
 * @param cdiVersion the lowest version the fields used allow ({@link CdiSpecVersion})
 * @param kind {@code vendor/class}, e.g. {@code nvidia.com/gpu}
 * @param annotations spec-level annotations (0.6.0); gpuenv writes none
 * @param devices the named devices
 * @param containerEdits edits every device of this spec brings
 */
@JsonPropertyOrder({"cdiVersion", "kind", "annotations", "devices", "containerEdits"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record CdiSpec(String cdiVersion, String kind, Map<String, String> annotations, List<Device> devices,
                      ContainerEdits containerEdits) {

    public CdiSpec {
        Objects.requireNonNull(cdiVersion, "cdiVersion");
        Objects.requireNonNull(kind, "kind");
        annotations = Map.copyOf(annotations);
        devices = List.copyOf(devices);
        Objects.requireNonNull(containerEdits, "containerEdits");
    }

    /** A named device: {@code kind=name} selects it. */
    @JsonPropertyOrder({"name", "annotations", "containerEdits"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Device(String name, Map<String, String> annotations, ContainerEdits containerEdits) {
        public Device {
            Objects.requireNonNull(name, "name");
            annotations = Map.copyOf(annotations);
            Objects.requireNonNull(containerEdits, "containerEdits");
        }
    }

    /** Environment ({@code NAME=value}), device nodes and mounts to add to a container. */
    @JsonPropertyOrder({"env", "deviceNodes", "mounts"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ContainerEdits(List<String> env, List<DeviceNode> deviceNodes, List<Mount> mounts) {
        public ContainerEdits {
            env = List.copyOf(env);
            deviceNodes = List.copyOf(deviceNodes);
            mounts = List.copyOf(mounts);
        }
    }

    /**
     * A device node; the runtime reads its type and numbers from {@code hostPath} (or {@code path}).
     *
     * @param path the path in the container
     * @param hostPath the node on the host when it differs from {@code path} (0.5.0), else null
     * @param permissions cgroup permissions, e.g. {@code "rwm"}
     */
    @JsonPropertyOrder({"path", "hostPath", "permissions"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DeviceNode(String path, String hostPath, String permissions) {
        public DeviceNode {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A mount.
     *
     * @param hostPath the source on the host
     * @param containerPath the target in the container
     * @param type the mount type (0.4.0), or null: without it, a {@code bind} option makes a bind mount
     * @param options e.g. {@code ["ro", "nosuid", "nodev", "bind"]}
     */
    @JsonPropertyOrder({"hostPath", "containerPath", "type", "options"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Mount(String hostPath, String containerPath, String type, List<String> options) {
        public Mount {
            Objects.requireNonNull(hostPath, "hostPath");
            Objects.requireNonNull(containerPath, "containerPath");
            options = List.copyOf(options);
        }
    }
}
