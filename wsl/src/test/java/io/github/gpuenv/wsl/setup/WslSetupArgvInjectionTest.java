package io.github.gpuenv.wsl.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslOptions;
import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The set-up plan never puts a caller's value into a shell string: it runs no {@code sh -c} at all; distribution
 * names, directories and tar files reach {@code wsl.exe} as whole argv elements, and a smoke image that a CLI
 * could read as an option or that carries shell syntax is refused.
 */
class WslSetupArgvInjectionTest {

    @TempDir
    Path tmp;

    private Wsl wsl() {
        return Wsl.local(WslOptions.builder().wslExe(FakeWslExe.create(tmp.resolve("fake")).path()).build());
    }

    @Test
    void shellScriptsAreConstantsWhateverTheInputs() {
        String dir = "D:\\WSL\\a; $(touch x) `id` | & 'q'";
        String tar = "D:\\in\\$(rm -rf).tar";
        WslGpuDockerSetup setup = WslGpuDockerSetup.builder(wsl(), "gpu-ubuntu", dir).fromTar(tar)
                .smokeImage("registry.example:5000/cuda/base:12.4.1").build();
        int shells = 0;
        for (WslSetupStep step : setup.steps()) {
            for (List<String> argv : step.commands()) {
                int c = argv.indexOf("-c");
                if (c > 0 && (argv.get(c - 1).equals("sh") || argv.get(c - 1).equals("bash"))) {
                    shells++;
                }
                for (String element : argv) {
                    if (!element.equals(dir) && !element.equals(tar)) {
                        assertThat(element).as("caller values only as whole elements").doesNotContain("$(")
                                .doesNotContain("`");
                    }
                }
            }
        }
        assertThat(shells).as("no shell in the plan").isZero();
        assertThat(setup.steps()).flatExtracting(WslSetupStep::commands).anySatisfy(argv -> assertThat(argv)
                .containsSubsequence("--import", "gpu-ubuntu", dir, tar));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--privileged", "-v=/:/host", "img;reboot", "img $(id)", "img`id`", "img\nnvidia-smi",
            "img with space", "", "img|sh", "img&&id"})
    void aSmokeImageThatIsNotAReferenceIsRefused(String image) {
        assertThatThrownBy(() -> WslGpuDockerSetup.builder(wsl(), "gpu-ubuntu", "D:\\WSL").smokeImage(image))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid smoke image reference");
    }

    @Test
    void aValidSmokeImageIsOneElementAfterTheOptions() {
        WslGpuDockerSetup setup = WslGpuDockerSetup.builder(wsl(), "gpu-ubuntu", "D:\\WSL")
                .smokeImage("nvcr.io/nvidia/cuda@sha256:0123abcd").build();
        List<String> smoke = setup.steps().get(setup.steps().size() - 1).commands().get(0);
        assertThat(smoke).endsWith("docker", "run", "--rm", "--gpus", "all", "nvcr.io/nvidia/cuda@sha256:0123abcd",
                "nvidia-smi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-evil", "a;b", "$(id)", "a b"})
    void aDistributionNameWithShellOrOptionSyntaxIsRefused(String name) {
        assertThatThrownBy(() -> WslGpuDockerSetup.builder(wsl(), name, "D:\\WSL").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid WSL distribution name");
    }
}
