package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The NVIDIA fact from {@code nvidia-smi}: one {@code --query-gpu} CSV run (every GPU's index, name, UUID, bus id,
 * memory, compute capability, MIG mode and the driver version), then, within what is left of the probe timeout, one
 * {@code nvidia-smi -q -d COMPUTE} run for the CUDA version (the query interface has no field for it; its header has
 * {@code CUDA Version : 13.0}); if that second run fails, the CUDA version is empty and the fact is still known.
 * An nvidia-smi that rejects a field (drivers before 510) is asked again for {@link NvidiaSmiCsvParser#LEGACY_FIELDS}.
 * Inside WSL the Windows driver's {@code /usr/lib/wsl/lib/nvidia-smi} is run; elsewhere {@code nvidia-smi} from PATH.
 *
 * <p>Cost: one to three nvidia-smi runs (typically 50–500 ms each; more when persistence mode is off), all within
 * the probe timeout. Unknown: {@code not-found} (not on PATH), {@code driver-not-loaded},
 * {@code library-version-mismatch}, {@code permission-denied} (also WSL's "GPU access blocked by the operating
 * system"), {@code timed-out}, {@code command-failed}, {@code unrecognized-output}. "No devices were found" is a known
 * fact with no GPUs.
 */
final class NvidiaSmiGpuProbe implements Probe<NvidiaDriver> {

    static final String ID = "nvidia-smi";
    static final String WSL_NVIDIA_SMI = "/usr/lib/wsl/lib/nvidia-smi";
    /** Left unused at the end of the probe timeout, so the probe answers before the runner gives up on it. */
    private static final Duration MARGIN = Duration.ofMillis(100);

    @Override
    public String id() {
        return ID;
    }

    /**
     * The nvidia-smi to run, as a machine path (never a path under a fixture root, whose files are not executed):
     * the WSL driver's when present, else the one on PATH.
     */
    static String executable(ProbeContext context) {
        return context.files().exists(WSL_NVIDIA_SMI) ? WSL_NVIDIA_SMI : "nvidia-smi";
    }

    /** The argv of the GPU query. */
    static List<String> queryArgv(String executable, List<String> fields) {
        return List.of(executable, "--query-gpu=" + String.join(",", fields), "--format=csv,noheader,nounits");
    }

    /** The argv of the CUDA-version query. */
    static List<String> cudaArgv(String executable) {
        return List.of(executable, "-q", "-d", "COMPUTE");
    }

    @Override
    public Fact<NvidiaDriver> probe(ProbeContext context) {
        long start = System.nanoTime();
        Duration timeout = context.probeTimeout();
        String exe = executable(context);
        CommandResult result = context.commands().run(queryArgv(exe, NvidiaSmiCsvParser.FIELDS), timeout);
        if (result.outcome() == CommandResult.Outcome.EXITED && result.exitCode() != 0
                && NvidiaSmiErrorParser.invalidField(output(result))) {
            Optional<Duration> left = left(start, timeout);
            if (left.isEmpty()) {
                return Fact.unknown(Reason.TIMED_OUT, "nvidia-smi rejected a field and no time was left to retry");
            }
            result = context.commands().run(queryArgv(exe, NvidiaSmiCsvParser.LEGACY_FIELDS), left.get());
        }
        switch (result.outcome()) {
            case NOT_FOUND:
                return Fact.unknown(Reason.NOT_FOUND, "nvidia-smi is not on PATH");
            case TIMED_OUT:
                return Fact.unknown(Reason.TIMED_OUT, "nvidia-smi did not answer within " + timeout.toMillis()
                        + " ms (persistence mode off or a hung driver: see nvidia-persistenced)");
            case FAILED:
                return Fact.unknown(Reason.COMMAND_FAILED, "nvidia-smi " + result.summary());
            case NOT_RUN:
                return Fact.unknown(Reason.SKIPPED, "nvidia-smi " + result.summary());
            default:
                break;
        }
        String output = output(result);
        if (result.exitCode() != 0) {
            if (NvidiaSmiErrorParser.noDevices(output)) {
                return Fact.known(new NvidiaDriver("", "", ID, List.of()), ID);
            }
            return NvidiaSmiErrorParser.classify(result.exitCode(), output).toFact();
        }
        Optional<NvidiaSmiGpus> parsed = NvidiaSmiCsvParser.parse(result.stdoutText());
        if (parsed.isEmpty()) {
            return Fact.unknown(Reason.UNRECOGNIZED_OUTPUT, "nvidia-smi --query-gpu printed: "
                    + NvidiaSmiErrorParser.firstLine(result.stdoutText()));
        }
        String cuda = left(start, timeout).map(t -> cudaVersion(context, exe, t)).orElse("");
        return Fact.known(new NvidiaDriver(parsed.get().driverVersion(), cuda, ID, parsed.get().gpus()), ID);
    }

    private static String cudaVersion(ProbeContext context, String exe, Duration timeout) {
        CommandResult result = context.commands().run(cudaArgv(exe), timeout);
        return result.succeeded() ? NvidiaSmiQueryParser.cudaVersion(result.stdoutText()).orElse("") : "";
    }

    /** What is left of the probe timeout, less the margin; empty when nothing is. */
    private static Optional<Duration> left(long startNanos, Duration timeout) {
        Duration left = timeout.minus(Duration.ofNanos(System.nanoTime() - startNanos)).minus(MARGIN);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static String output(CommandResult result) {
        return result.stdoutText() + "\n" + result.stderrText();
    }
}
