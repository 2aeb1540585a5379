package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.CudaRequirementUnsatisfiedException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.GpuSelectionInvalidException;
import io.github.gpuenv.docker.ImagePlatformMismatchException;
import io.github.gpuenv.docker.internal.PreflightFacts.HostFacts;
import io.github.gpuenv.docker.internal.PreflightGpuSelection.Selection;
import io.github.gpuenv.docker.internal.PreflightHostScope.Trust;
import io.github.gpuenv.docker.internal.PreflightRequirements.Declared;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.spi.CudaRequirementEvaluator;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Outcome;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules a run is checked by before anything is created, each only where its facts are known: the image's
 * platform against the engine's ({@value #PLATFORM}), whose facts describe the engine's host ({@value #HOST_FACTS}),
 * the GPU selection against that host's GPUs ({@value #GPU_SELECTION}), the image's {@code NVIDIA_REQUIRE_*} and
 * legacy {@code CUDA_VERSION} against its driver and the selected GPUs ({@value #REQUIRE_CUDA}). Each rule gives one
 * {@link Check}; a {@code fail} is a refusal, thrown as its typed exception ({@link ImagePlatformMismatchException},
 * {@link GpuSelectionInvalidException}, {@link CudaRequirementUnsatisfiedException}). A fact that is not known
 * gives {@code skipped} or {@code unknown}, never {@code fail}. Pure; never throws.
 *
 * <p>{@code Preflight.Result r = Preflight.evaluate(new Preflight.Input(image, engineOs, gpus, attach, env, facts));}
 */
public final class Preflight {

    static final String PLATFORM = "preflight.platform";
    static final String HOST_FACTS = "preflight.host-facts";
    static final String GPU_SELECTION = "preflight.gpu-selection";
    static final String REQUIRE_CUDA = "preflight.require-cuda";
    static final String OFF = "preflight.off";

    private static final String COMPATIBILITY = "https://docs.nvidia.com/deploy/cuda-compatibility/";

    private Preflight() {
    }

    /**
     * What a run is checked with.
     *
     * @param imageReference the image as the run names it
     * @param image its configuration; empty when the engine does not have it (a dry run does not pull)
     * @param engineOs the engine's {@code OSType} from connect, e.g. {@code linux}
     * @param gpus the GPUs requested; null when none
     * @param attach how they are attached; null when none are requested
     * @param environment the create request's environment (gpuenv's and the run's), over the image's
     * @param facts the engine host's facts; empty when not detected (in time)
     */
    public record Input(String imageReference, Optional<ImageConfig> image, String engineOs, GpuRequest gpus,
                        Attach attach, Map<String, String> environment, Optional<HostFacts> facts) {
        public Input {
            Objects.requireNonNull(imageReference, "imageReference");
            Objects.requireNonNull(image, "image");
            engineOs = Objects.requireNonNullElse(engineOs, "");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * The checks, in rule order, and the refusal (the first {@code fail}'s exception); null when none.
     *
     * @param checks one per rule that applies
     * @param refusal what a run throws; null when it may go on
     */
    public record Result(List<Check> checks, DockerGpuException refusal) {
        public Result {
            checks = List.copyOf(checks);
        }
    }

    /** The result of a run whose preflight is off. */
    public static Result off() {
        return new Result(List.of(Check.skipped(OFF, "preflight is off (RunOptions.Builder.preflight(false),"
                + " --no-preflight): the engine and the NVIDIA Container Toolkit answer for themselves")), null);
    }

    /** Checks {@code in}. */
    public static Result evaluate(Input in) {
        String attempted = "preflight of a run of " + in.imageReference();
        List<Check> checks = new ArrayList<>();
        DockerGpuException[] refusal = new DockerGpuException[1];
        java.util.function.BiConsumer<Check, DockerGpuException> add = (check, failure) -> {
            checks.add(check);
            if (check.status() == CheckStatus.FAIL && refusal[0] == null) {
                refusal[0] = failure;
            }
        };
        platform(in, attempted, add);
        if (in.gpus() != null) {
            Optional<HostFacts> facts = in.facts();
            checks.add(hostFacts(facts));
            Selection selection = gpuSelection(in, attempted, add);
            requireCuda(in, selection, attempted, add);
        }
        return new Result(checks, refusal[0]);
    }

    private static void platform(Input in, String attempted,
                                 java.util.function.BiConsumer<Check, DockerGpuException> add) {
        if (in.image().isEmpty()) {
            add.accept(Check.skipped(PLATFORM, in.imageReference() + " is not on the engine yet (a run pulls it"
                    + " first): its platform and environment are not checked"), null);
            return;
        }
        ImageConfig image = in.image().get();
        String engineArch = in.facts().map(f -> f.engine().architecture()).orElse("");
        String engineOs = in.engineOs().isEmpty() ? in.facts().map(f -> f.engine().os()).orElse("") : in.engineOs();
        if (image.os().isEmpty() || engineOs.isEmpty()) {
            add.accept(Check.skipped(PLATFORM, "the image's or the engine's OS is not known: not checked"), null);
            return;
        }
        String imageArch = PreflightEngineHost.goArch(image.architecture());
        if (!image.os().equalsIgnoreCase(engineOs)) {
            String message = in.imageReference() + " is built for " + image.platform() + "; the engine runs "
                    + engineOs + " containers";
            String remedy = "use an image built for " + engineOs + " (for a multi-platform image: `docker pull"
                    + " --platform " + engineOs + (engineArch.isEmpty() ? "" : "/" + engineArch) + " "
                    + in.imageReference() + "`)";
            add.accept(Check.fail(PLATFORM, message, remedy),
                    new ImagePlatformMismatchException(attempted, message, remedy));
            return;
        }
        if (imageArch.isEmpty() || engineArch.isEmpty()) {
            add.accept(Check.skipped(PLATFORM, in.imageReference() + " is built for " + image.platform() + ", an "
                    + engineOs + " image as the engine's; the CPU architecture is not compared: "
                    + (imageArch.isEmpty() ? "the image gives none" : "the engine's is not known yet (it is read"
                    + " with the engine host's facts, on the first run with GPUs)")), null);
            return;
        }
        if (imageArch.equals(engineArch)) {
            add.accept(Check.pass(PLATFORM, in.imageReference() + " is built for " + engineOs + "/" + imageArch
                    + ", as the engine's host"), null);
            return;
        }
        String remedy = "pull the image's " + engineOs + "/" + engineArch + " variant (`docker pull --platform "
                + engineOs + "/" + engineArch + " " + in.imageReference() + "`) or build it for " + engineOs + "/"
                + engineArch;
        if (in.gpus() != null) {
            String message = in.imageReference() + " is built for " + engineOs + "/" + imageArch + "; the engine's"
                    + " host is " + engineOs + "/" + engineArch + ": the NVIDIA driver libraries a container gets are "
                    + engineArch + " and cannot load in " + imageArch + " processes, not even under emulation";
            add.accept(Check.fail(PLATFORM, message, remedy),
                    new ImagePlatformMismatchException(attempted, message, remedy));
        } else {
            add.accept(Check.warn(PLATFORM, in.imageReference() + " is built for " + engineOs + "/" + imageArch
                    + "; the engine's host is " + engineOs + "/" + engineArch + ": it runs only under emulation"
                    + " (binfmt_misc with qemu on the engine's host), else it fails with 'exec format error'",
                    remedy), null);
        }
    }

    private static Check hostFacts(Optional<HostFacts> facts) {
        if (facts.isEmpty()) {
            return Check.unknown(HOST_FACTS, "the engine host's facts were not detected in time (a run waits at"
                    + " most " + PreflightFacts.WAIT.toSeconds() + " s, and never past its timeout): the GPU selection"
                    + " and the image's CUDA requirement are not checked", "");
        }
        HostFacts f = facts.get();
        if (f.scope().trust() == Trust.NONE) {
            return Check.skipped(HOST_FACTS, f.scope().reason() + ": the GPU selection and the image's CUDA"
                    + " requirement are not checked (give the engine host's facts with"
                    + " ConnectOptions.Builder.engineHostFacts to check them)");
        }
        if (!f.nvidia().isKnown()) {
            return Check.unknown(HOST_FACTS, "the NVIDIA driver of the engine's host is not known ("
                    + f.nvidia().describe() + "): the GPU selection and the image's CUDA requirement are not"
                    + " checked", "");
        }
        NvidiaDriver d = f.nvidia().value();
        return Check.pass(HOST_FACTS, "driver " + or(d.driverVersion()) + " (CUDA " + or(d.cudaDriverVersion())
                + ", from " + d.source() + "), " + PreflightGpuSelection.list(d.gpus()) + "; " + f.scope().reason());
    }

    /** The driver when the host facts are trusted and known; empty otherwise. */
    private static Optional<NvidiaDriver> driver(Input in, Trust atLeast) {
        return in.facts().filter(f -> f.scope().trust() == Trust.ENGINE_HOST
                        || atLeast == Trust.DRIVER_ONLY && f.scope().trust() == Trust.DRIVER_ONLY)
                .filter(f -> f.nvidia().isKnown()).map(f -> f.nvidia().value());
    }

    private static Selection gpuSelection(Input in, String attempted,
                                          java.util.function.BiConsumer<Check, DockerGpuException> add) {
        Optional<NvidiaDriver> driver = driver(in, Trust.ENGINE_HOST);
        if (driver.isEmpty()) {
            add.accept(Check.skipped(GPU_SELECTION, "--gpus " + in.gpus() + ": not checked, the engine host's GPUs"
                    + " are not known (see " + HOST_FACTS + ")"), null);
            return null;
        }
        if (driver.get().source().equals("oshi")) {
            add.accept(Check.skipped(GPU_SELECTION, "--gpus " + in.gpus() + ": not checked, the engine host's GPUs"
                    + " are known by name only (OSHI)"), null);
            return null;
        }
        List<GpuDevice> gpus = driver.get().gpus();
        Selection s = PreflightGpuSelection.resolve(in.gpus(), in.attach(), gpus);
        String notes = s.notes().isEmpty() ? "" : " (" + String.join("; ", s.notes()) + ")";
        if (!s.problems().isEmpty()) {
            String message = "--gpus " + in.gpus() + " cannot be served: " + String.join("; ", s.problems())
                    + " — the engine's host has " + PreflightGpuSelection.list(gpus);
            String remedy = gpus.isEmpty() ? "run without --gpus, or on an engine whose host has GPUs"
                    : "select GPUs it has: " + (in.attach() == Attach.CDI && in.gpus().isCdi()
                    ? "nvidia.com/gpu=all or nvidia.com/gpu=<index or UUID> from that list"
                    : "--gpus all, --gpus N with N ≤ " + gpus.size() + ", or --gpus device=<index or UUID> from that"
                    + " list") + " (`nvidia-smi -L` on the engine's host lists them)";
            add.accept(Check.fail(GPU_SELECTION, message, remedy),
                    new GpuSelectionInvalidException(attempted, message, remedy));
            return s;
        }
        String selected = s.gpus().isEmpty() ? "no GPU" : s.gpus().stream().map(PreflightGpuSelection::describe)
                .collect(Collectors.joining("; "));
        Check check = !s.notes().isEmpty() && s.notes().stream().anyMatch(n -> n.contains("MIG enabled"))
                ? Check.warn(GPU_SELECTION, "--gpus " + in.gpus() + " selects " + selected + notes, "")
                : Check.pass(GPU_SELECTION, "--gpus " + in.gpus() + " selects " + selected + notes);
        add.accept(check, null);
        return s;
    }

    private static void requireCuda(Input in, Selection selection, String attempted,
                                    java.util.function.BiConsumer<Check, DockerGpuException> add) {
        if (in.image().isEmpty()) {
            add.accept(Check.skipped(REQUIRE_CUDA, in.imageReference() + " is not on the engine yet: its"
                    + " requirements are not checked"), null);
            return;
        }
        Map<String, String> env = new java.util.LinkedHashMap<>(in.image().get().environment());
        env.putAll(in.environment());
        PreflightRequirements reqs = PreflightRequirements.of(env);
        if (reqs.disabled()) {
            add.accept(Check.skipped(REQUIRE_CUDA, reqs.disabledBy() + ": the image's requirements are off, as"
                    + " for the NVIDIA Container Toolkit"), null);
            return;
        }
        if (reqs.declared().isEmpty()) {
            if (!reqs.legacyProblem().isEmpty()) {
                add.accept(Check.warn(REQUIRE_CUDA, reqs.legacyProblem(), "set NVIDIA_REQUIRE_CUDA (e.g."
                        + " cuda>=12.4) or a CUDA_VERSION such as 12.4.1"), null);
            } else {
                add.accept(Check.skipped(REQUIRE_CUDA, in.imageReference() + " declares no NVIDIA_REQUIRE_* and no"
                        + " CUDA_VERSION: nothing required"), null);
            }
            return;
        }
        String declared = reqs.declared().stream().map(d -> describe(d)).collect(Collectors.joining(", "));
        Optional<NvidiaDriver> driver = driver(in, Trust.DRIVER_ONLY);
        if (driver.isEmpty()) {
            add.accept(Check.skipped(REQUIRE_CUDA, in.imageReference() + " requires " + declared + ": not checked,"
                    + " the engine host's driver is not known (see " + HOST_FACTS + ")"), null);
            return;
        }
        NvidiaDriver d = driver.get();
        boolean perGpu = selection != null && selection.problems().isEmpty() && !selection.gpus().isEmpty()
                && in.facts().get().scope().trust() == Trust.ENGINE_HOST;
        List<GpuDevice> judged = perGpu ? selection.gpus() : List.of();
        String have = "the engine host's driver " + or(d.driverVersion()) + " supports CUDA "
                + or(d.cudaDriverVersion());
        List<String> open = new ArrayList<>();
        List<String> met = new ArrayList<>();
        for (Declared r : reqs.declared()) {
            List<GpuDevice> each = judged.isEmpty() ? java.util.Collections.singletonList(null) : judged;
            for (GpuDevice gpu : each) {
                List<String> arch = gpu == null || gpu.computeCapability() == null ? List.of()
                        : List.of(gpu.computeCapability());
                Verdict v = CudaRequirementEvaluator.evaluate(r.requirement(),
                        new CudaRequirementEvaluator.Driver(d.driverVersion(), d.cudaDriverVersion(), null, arch));
                String onGpu = gpu == null ? "" : " on GPU " + gpu.index() + " (" + or(gpu.name())
                        + ", compute capability " + or(gpu.computeCapability()) + ")";
                if (v.outcome() == Outcome.UNSATISFIED) {
                    String message = in.imageReference() + " requires " + describe(r)
                            + ": unsatisfied condition: " + v.firstUnmet() + onGpu + " — " + have;
                    String remedy = remedy(r.requirement(), d);
                    add.accept(Check.fail(REQUIRE_CUDA, message, remedy),
                            new CudaRequirementUnsatisfiedException(attempted, message, remedy, null));
                    return;
                }
                if (v.outcome() == Outcome.UNDECIDED) {
                    open.add(describe(r) + onGpu + " leaves " + join(v.openAlternative()) + " undecided (a version"
                            + " is not known)");
                } else if (v.outcome() == Outcome.NEEDS_BRAND_OR_ARCH) {
                    open.add(describe(r) + onGpu + (v.firstUnmet() == null ? "" : ": " + v.firstUnmet()
                            + " is not met,") + " and " + join(v.openAlternative()) + " depends on the GPU brand or"
                            + " architecture, which gpuenv does not know");
                } else if (v.outcome() == Outcome.SATISFIED) {
                    met.add(join(v.satisfiedBy()) + onGpu);
                }
            }
        }
        if (!open.isEmpty()) {
            add.accept(Check.warn(REQUIRE_CUDA, "not refused: " + String.join("; ", open) + "; " + have,
                    "if the container's CUDA calls fail with 'CUDA driver version is insufficient': "
                            + remedy(reqs.declared().get(0).requirement(), d)), null);
            return;
        }
        add.accept(Check.pass(REQUIRE_CUDA, have + ": it meets " + declared + (met.isEmpty() ? ""
                : " (through " + String.join("; ", met.stream().distinct().toList()) + ")")), null);
    }

    /** {@code NVIDIA_REQUIRE_CUDA=cuda>=13.0 brand=unknown,driver>=535,… (and 59 more alternatives)}. */
    private static String describe(Declared d) {
        CudaRequirement r = d.requirement();
        if (d.variable().equals(PreflightRequirements.CUDA_VERSION) || r.alternatives().size() <= 2) {
            return d.describe();
        }
        int more = r.alternatives().size() - 1;
        return d.variable() + "=" + join(r.alternatives().get(0)) + " (and " + more + " more alternatives)";
    }

    private static String remedy(CudaRequirement requirement, NvidiaDriver driver) {
        String cuda = requirement.alternatives().stream().flatMap(List::stream)
                .filter(c -> c.key().equals("cuda") && c.operator().startsWith(">"))
                .map(Constraint::value).findFirst().orElse("");
        String older = driver.cudaDriverVersion() == null ? "an image built for an older CUDA"
                : "an image built for CUDA ≤ " + driver.cudaDriverVersion();
        return "use " + older + ", or update the engine host's NVIDIA driver to one that supports "
                + (cuda.isEmpty() ? "the image's requirement" : "CUDA ≥ " + cuda) + " (" + COMPATIBILITY + ");"
                + " to start it anyway (its CUDA calls may fail): -e NVIDIA_DISABLE_REQUIRE=1, or --no-preflight"
                + " (RunOptions.Builder.preflight(false))";
    }

    private static String join(List<Constraint> constraints) {
        return constraints.stream().map(Constraint::toString).collect(Collectors.joining(","));
    }

    private static String or(String value) {
        return value == null || value.isEmpty() ? "unknown" : value;
    }
}
