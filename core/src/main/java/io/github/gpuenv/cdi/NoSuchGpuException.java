package io.github.gpuenv.cdi;

import io.github.gpuenv.GpuEnvException;
import java.util.List;

/**
 * A GPU selection named a GPU (index or UUID) that this host does not have. The message lists the ids it has.
 *
 * <p>{@code try { injection.plan(List.of("3")); } catch (NoSuchGpuException e) { e.availableIds(); }}
 */
public class NoSuchGpuException extends GpuEnvException {

    private static final long serialVersionUID = 1L;
    private final String requestedId;
    private final List<String> availableIds;

    public NoSuchGpuException(String attempted, String requestedId, List<String> availableIds) {
        super(attempted, "no GPU " + requestedId + " on this host; it has "
                        + (availableIds.isEmpty() ? "no selectable GPUs" : String.join(", ", availableIds)),
                "select one of those ids (an index or a UUID), or all GPUs with an empty selection or \"all\"");
        this.requestedId = requestedId;
        this.availableIds = List.copyOf(availableIds);
    }

    /** The id that matched no GPU. */
    public String requestedId() {
        return requestedId;
    }

    /** The GPU ids the host has: indices and UUIDs. */
    public List<String> availableIds() {
        return availableIds;
    }
}
