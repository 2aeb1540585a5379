package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.List;

/**
 * The NVIDIA fact from NVML, the driver's own management library, through JNA: driver and CUDA versions, and per GPU
 * name, UUID, PCI bus id, total memory, compute capability and MIG mode. The library is looked for as
 * {@link NvmlLibraryLocator} says and kept initialised between detections ({@link NvmlSessions}), so a warm probe
 * costs a dozen NVML calls per GPU (well under a millisecond each on a healthy driver); the first costs a
 * {@code dlopen} and {@code nvmlInit_v2} (tens to hundreds of milliseconds; seconds without persistence mode).
 *
 * <p>Unknown: {@code not-found} (no library, or the file is not NVML), {@code not-applicable} (macOS),
 * {@code driver-not-loaded}, {@code library-version-mismatch}, {@code permission-denied}, {@code timed-out} (NVML's
 * own timeout, or an earlier call still hung), {@code command-failed} with NVML's error string.
 */
final class NvmlGpuProbe implements Probe<NvidiaDriver> {

    static final String ID = "nvml";

    private final NvmlSessions sessions;

    /** The probe over the process-wide NVML sessions. */
    NvmlGpuProbe() {
        this(NvmlSessions.PROCESS);
    }

    NvmlGpuProbe(NvmlSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String id() {
        return ID;
    }

    /** NVML is a native library of the live machine: never loaded under a fixture root. */
    @Override
    public boolean readsLiveMachine() {
        return true;
    }

    @Override
    public Fact<NvidiaDriver> probe(ProbeContext context) throws InterruptedException {
        List<NvmlCandidate> candidates = NvmlLibraryLocator.candidates(context);
        if (candidates.isEmpty()) {
            return context.files().isLiveMachine()
                    ? Fact.unknown(Reason.NOT_APPLICABLE, "NVML exists on Linux and Windows only")
                    : Fact.unknown(Reason.NOT_FOUND, "no NVML library under the root " + context.files().root()
                    + " (the default library path is searched on the live machine only)");
        }
        return sessions.query(candidates, context.probeTimeout(), nvml -> new NvmlDeviceReader(nvml).read());
    }
}
