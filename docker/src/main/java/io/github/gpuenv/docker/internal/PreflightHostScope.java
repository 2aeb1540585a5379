package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.Fact;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether the NVIDIA facts this process can detect are the engine host's — the one question that keeps preflight
 * from refusing a run on another machine's facts. Pure; never throws.
 *
 * <ul>
 *   <li>Given as the engine host's ({@code ConnectOptions.Builder.engineHostFacts}): {@link Trust#ENGINE_HOST}.</li>
 *   <li>Otherwise the engine must provably run on this machine: a {@code unix://} socket (a TCP, SSH or named-pipe
 *       endpoint may be anywhere), not Docker Desktop (a VM), a Linux engine whose kernel release and total memory
 *       ({@code /info}'s {@code KernelVersion}, {@code MemTotal}) are this machine's ({@code /proc/sys/kernel/osrelease},
 *       {@code /proc/meminfo}); a socket forwarded from another host, or a VM's, differs in one of them. Anything
 *       not known is "not provably": {@link Trust#NONE}.</li>
 *   <li>On the same machine, a process in a container whose engine runs outside it may see fewer GPUs than the
 *       engine (its own {@code --gpus}): the driver is the host's, the GPU list may not be —
 *       {@link Trust#DRIVER_ONLY}.</li>
 * </ul>
 *
 * <p>{@code HostScope s = PreflightHostScope.decide(false, engine, () -> "6.18.44", () -> 24_000_000_000L,
 * () -> GpuEnv.container(options));}
 */
final class PreflightHostScope {

    private PreflightHostScope() {
    }

    /** How far this process's NVIDIA facts describe the engine's host. */
    enum Trust {
        /** Driver and GPUs are the engine host's. */
        ENGINE_HOST,
        /** The driver is the engine host's; the GPU list may be a subset. */
        DRIVER_ONLY,
        /** Not known to be the engine host's: preflight uses none of them. */
        NONE
    }

    /**
     * A decision.
     *
     * @param trust how far
     * @param reason why, in words (for the plan's {@code preflight.host-facts} check)
     */
    record HostScope(Trust trust, String reason) {
        HostScope {
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Decides.
     *
     * @param vouched whether the facts were given as the engine host's
     * @param engine the engine's host as its {@code /info} describes it
     * @param localKernelRelease this machine's kernel release (null when it cannot be read), asked only when needed
     * @param localMemTotal this machine's total memory in bytes (null when it cannot be read), asked only when needed
     * @param containerFact the {@code container} fact of this process, asked only when needed
     */
    static HostScope decide(boolean vouched, PreflightEngineHost engine, Supplier<String> localKernelRelease,
                            Supplier<Long> localMemTotal, Supplier<Fact<ContainerEnvironment>> containerFact) {
        if (vouched) {
            return new HostScope(Trust.ENGINE_HOST, "the facts were given as the engine host's");
        }
        String endpoint = engine.endpoint();
        if (!endpoint.startsWith("unix://")) {
            return new HostScope(Trust.NONE, "the engine at " + endpoint + " may run on another machine: this"
                    + " machine's GPUs are not known to be its GPUs");
        }
        if (engine.dockerDesktop()) {
            return new HostScope(Trust.NONE, "the engine is Docker Desktop's, in a VM: this machine's GPU facts are"
                    + " not known to be the VM's");
        }
        if (!"linux".equalsIgnoreCase(engine.os())) {
            return new HostScope(Trust.NONE, "the engine's OS is " + or(engine.os()) + ", not linux");
        }
        String localKernel = localKernelRelease.get();
        if (localKernel == null || engine.kernel().isEmpty()) {
            return new HostScope(Trust.NONE, "this machine's or the engine's kernel release is unknown: cannot tell"
                    + " whether the engine runs here");
        }
        if (!localKernel.strip().equals(engine.kernel().strip())) {
            return new HostScope(Trust.NONE, "the engine's kernel (" + engine.kernel().strip() + ") is not this"
                    + " machine's (" + localKernel.strip() + "): it runs on another machine or in a VM");
        }
        Long localMemTotalBytes = localMemTotal.get();
        if (localMemTotalBytes == null || engine.memTotalBytes() <= 0) {
            return new HostScope(Trust.NONE, "this machine's or the engine's total memory is unknown: cannot tell"
                    + " whether the engine runs here");
        }
        if (localMemTotalBytes != engine.memTotalBytes()) {
            return new HostScope(Trust.NONE, "the engine's total memory (" + engine.memTotalBytes() + " bytes) is not"
                    + " this machine's (" + localMemTotalBytes + "): it runs on another machine or in a VM");
        }
        Fact<ContainerEnvironment> container = containerFact.get();
        if (!container.isKnown()) {
            return new HostScope(Trust.DRIVER_ONLY, "the engine runs on this machine; whether this process runs in a"
                    + " container (with fewer GPUs than the engine) is unknown (" + container.describe() + ")");
        }
        ContainerEnvironment c = container.value();
        if (c.inside() && !c.engineInside()) {
            return new HostScope(Trust.DRIVER_ONLY, "the engine runs on this machine, and this process in a container"
                    + " that may have fewer GPUs than the engine: the driver is checked, the GPU list is not");
        }
        return new HostScope(Trust.ENGINE_HOST, c.inside() ? "the engine runs in this process's container"
                : "the engine runs on this machine (same kernel and memory, unix socket)");
    }

    private static String or(String value) {
        return value == null || value.isEmpty() ? "unknown" : value;
    }
}
