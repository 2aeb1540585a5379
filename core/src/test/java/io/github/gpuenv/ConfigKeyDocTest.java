package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.system.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The configuration table of docs/configuration.md and {@link ConfigKey} stay in step, and precedence is property > variable. */
class ConfigKeyDocTest {

    @Test
    void everyKeyHasItsReadmeRowAndNoRowIsStale() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "configuration.md"));
        long rows = readme.lines().filter(l -> l.matches("\\| `gpuenv\\.[a-z0-9-]+` \\| `GPUENV_.*")).count();
        for (ConfigKey key : ConfigKey.values()) {
            String defaultCell = key.defaultValue().isEmpty() ? "(none)" : "`" + key.defaultValue() + "`";
            assertThat(readme).as(key.name())
                    .contains("| `" + key.property() + "` | `" + key.variable() + "` | " + defaultCell + " |");
        }
        assertThat(rows).isEqualTo(ConfigKey.values().length);
    }

    @Test
    void propertyWinsOverVariableWhichWinsOverDefault() {
        Properties props = new Properties();
        props.setProperty("gpuenv.probe-timeout", "2s");
        Environment both = Environment.of(Map.of("GPUENV_PROBE_TIMEOUT", "7s", "GPUENV_DEADLINE", "4s"), props);
        assertThat(ConfigKey.PROBE_TIMEOUT.value(both)).isEqualTo("2s");
        assertThat(ConfigKey.DEADLINE.value(both)).isEqualTo("4s");
        assertThat(ConfigKey.MIN_WSL_KERNEL.value(both)).isEqualTo("5.10.43");

        DetectOptions options = DetectOptions.builder(both).build();
        assertThat(options.probeTimeout()).hasSeconds(2);
        assertThat(options.deadline()).hasSeconds(4);
    }

    @Test
    void blankOrMalformedValuesFallBackInsteadOfFailingDetection() {
        Environment env = Environment.of(Map.of("GPUENV_PROBE_TIMEOUT", "soon", "GPUENV_DEADLINE", " "), new Properties());
        DetectOptions options = DetectOptions.builder(env).build();
        assertThat(options.probeTimeout()).hasSeconds(3);
        assertThat(options.deadline()).hasSeconds(10);
    }
}
