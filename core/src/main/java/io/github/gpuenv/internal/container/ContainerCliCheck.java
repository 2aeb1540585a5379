package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;
import java.util.Optional;

/**
 * {@code toolkit.container-cli}: {@code nvidia-container-runtime-hook} runs {@code nvidia-container-cli} in its
 * legacy mode (the mode {@code auto} picks off Tegra), so a hook without the CLI fails every {@code --gpus}
 * request that goes through runc with "couldn't find binary nvidia-container-cli in PATH" — as captured on the
 * H200 host. {@code --runtime=nvidia} and CDI devices still work.
 */
final class ContainerCliCheck implements ReadinessCheck {

    static final String ID = "toolkit.container-cli";
    private static final List<String> LEGACY_MODES = List.of("", "auto", "legacy");

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Optional<String> notApplicable = CheckScope.toolkitNotApplicable(facts);
        if (notApplicable.isPresent()) {
            return Check.skipped(ID, notApplicable.get());
        }
        Optional<ContainerToolkit> toolkit = facts.toolkit().toOptional();
        if (toolkit.isEmpty() || !toolkit.get().has("nvidia-container-runtime-hook")) {
            return Check.skipped(ID, "nvidia-container-runtime-hook is not installed");
        }
        if (toolkit.get().has("nvidia-container-cli")) {
            return Check.pass(ID, "nvidia-container-runtime-hook and nvidia-container-cli are both installed");
        }
        String mode = toolkit.get().runtimeMode();
        if (!LEGACY_MODES.contains(mode)) {
            return Check.pass(ID, "nvidia-container-cli is absent, but the runtime's mode is '" + mode + "'");
        }
        return Check.warn(ID, "nvidia-container-runtime-hook is installed without nvidia-container-cli: `--gpus`"
                        + " through runc fails with 'couldn't find binary nvidia-container-cli in PATH';"
                        + " `--runtime=nvidia` and CDI devices (nvidia.com/gpu=all) still work",
                "install libnvidia-container-tools (`sudo apt-get install libnvidia-container-tools` or"
                        + " `sudo dnf install libnvidia-container-tools`), or request GPUs as CDI devices");
    }
}
