package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;

/**
 * {@code docker.gpu-path}: how the engine can give a container a GPU. Two different things matter: moby
 * registers its {@code nvidia} device driver (what {@code --gpus} needs) only when
 * {@code nvidia-container-runtime-hook} — or, on Engine 25+ with CDI, {@code nvidia-cdi-hook} — is on dockerd's
 * PATH when dockerd starts; a runtime named {@code nvidia} in daemon.json is what {@code --runtime=nvidia}
 * needs. Without either, or CDI devices, a GPU request fails with
 * {@code could not select device driver "" with capabilities: [[gpu]]} (D1). Podman ignores {@code --gpus} and serves
 * GPUs only as CDI devices.
 */
final class DockerGpuPathCheck implements ReadinessCheck {

    static final String ID = "docker.gpu-path";
    private static final String HOOK_NOTE = "; `--gpus` also needs nvidia-container-runtime-hook on dockerd's PATH"
            + " when dockerd starts (moby registers its nvidia device driver only then)";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        if (!facts.docker().isKnown()) {
            return new Check(ID, CheckStatus.UNKNOWN, "needs a reachable Docker Engine (see docker.reachable): "
                    + facts.docker().describe(), "", false);
        }
        DockerEngine engine = facts.docker().value();
        ContainerToolkit toolkit = facts.toolkit().orElse(null);
        String detail = engine.gpuPathDetail().isEmpty() ? "" : " (" + engine.gpuPathDetail() + ")";
        return switch (engine.gpuPath()) {
            case VERIFIED -> Check.pass(ID, "a probe container with --gpus all started" + detail);
            case NVIDIA_RUNTIME -> Check.pass(ID, "the nvidia runtime is registered (runtimes " + engine.runtimes()
                    + ", default " + engine.defaultRuntime() + ")" + hookNote(toolkit) + detail);
            case CDI -> Check.pass(ID, "served by CDI devices " + (engine.cdiDevices().isEmpty()
                    ? "from the specs in " + engine.cdiSpecDirs() : String.join(", ", engine.cdiDevices()))
                    + " (request nvidia.com/gpu=all)" + detail);
            case NONE -> engine.podman()
                    ? Check.fail(ID, "Podman serves GPUs only as CDI devices and none is defined; it ignores"
                    + " `--gpus all` (the container would start without a GPU and without an error)" + detail,
                    "generate a CDI spec into /etc/cdi: `" + Remedies.GPUENV_CDI_GENERATE + "` or `"
                    + Remedies.CTK_CDI_GENERATE + "`, then request nvidia.com/gpu=all (Podman 5.4 or newer)")
                    : Check.fail(ID, "this engine cannot serve a GPU request: no nvidia runtime, no NVIDIA CDI"
                    + " device; `--gpus all` fails with 'could not select device driver \"\" with capabilities:"
                    + " [[gpu]]' (D1)" + detail, remedy(engine, toolkit));
        };
    }

    private static String hookNote(ContainerToolkit toolkit) {
        if (toolkit == null || toolkit.has("nvidia-container-runtime-hook")) {
            return "";
        }
        return HOOK_NOTE + ", and it is not installed on this host (use `--runtime=nvidia` or CDI devices)";
    }

    private static String remedy(DockerEngine engine, ContainerToolkit toolkit) {
        if (engine.dockerDesktop()) {
            return "use the WSL 2 backend with an NVIDIA Windows driver installed"
                    + " (https://docs.docker.com/desktop/features/gpu/)";
        }
        if (toolkit == null) {
            return Remedies.installToolkit(engine) + " (the toolkit on the engine's host could not be examined)";
        }
        if (toolkit.dockerSnap()) {
            return Remedies.replaceSnapDocker();
        }
        if (toolkit.has("nvidia-container-runtime-hook") || toolkit.has("nvidia-ctk")) {
            if (toolkit.nvidiaRuntime()) {
                return "the toolkit is installed and daemon.json registers the nvidia runtime, but the engine has not"
                        + " picked it up: `" + Remedies.RESTART_DOCKER + "`";
            }
            return "the toolkit is installed but Docker is not configured for it: `"
                    + Remedies.configureAndRestart(engine) + "`";
        }
        if (!engine.cdiSpecDirs().isEmpty()) {
            return Remedies.installToolkit(engine) + "; or, since this engine has CDI on, generate a CDI spec: `"
                    + Remedies.GPUENV_CDI_GENERATE + "`";
        }
        return Remedies.installToolkit(engine);
    }
}
