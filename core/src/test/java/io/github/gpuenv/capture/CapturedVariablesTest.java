package io.github.gpuenv.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The allow-list of {@code env.txt} stays in step with the variables the code reads, and keeps no credential. */
class CapturedVariablesTest {

    private static final Pattern READ = Pattern.compile("variable\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)");

    /** Every {@code environment.variable("NAME")} in the main sources of core, wsl and docker (those present). */
    private static Set<String> variablesReadByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"src/main/java", "../wsl/src/main/java", "../docker/src/main/java"}) {
            Path sources = Path.of(module);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = READ.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyVariableTheCodeReadsIsRecorded() throws IOException {
        Set<String> read = variablesReadByTheCode();
        assertThat(read).as("the scan found the probes' variables").contains("PATH", "NVIDIA_VISIBLE_DEVICES",
                "WSL_DISTRO_NAME");
        assertThat(read).allSatisfy(name -> assertThat(CapturedVariables.kept(name)).as(name).isTrue());
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(CapturedVariables.kept(key.variable())).as(key.variable()).isTrue();
        }
        assertThat(CapturedVariables.kept("WSL_INTEROP")).as("WslDetection's marker variable").isTrue();
    }

    @Test
    void aCredentialWordInTheNameIsNeverRecordedEvenUnderAnAllowedPrefix() {
        for (String name : new String[] {"NVIDIA_REQUIRE_TOKEN", "NVIDIA_REQUIRE_PASSWORD", "DOCKER_AUTH_CONFIG",
                "NVIDIA_API_KEY", "CUDA_CRED", "NVIDIA_PWD", "WSL_SESSION_COOKIE", "GPUENV_SECRET", "docker_password"}) {
            assertThat(CapturedVariables.kept(name)).as(name).isFalse();
        }
        for (String name : new String[] {"HOME", "USER", "HOSTNAME", "SSH_CONNECTION", "NV_CUDNN_VERSION",
                "DOCKER_BUILDKIT", "PWD", "OLDPWD"}) {
            assertThat(CapturedVariables.kept(name)).as(name).isFalse();
        }
    }

    @Test
    void credentialsInValuesAreMasked() {
        assertThat(CapturedVariables.of(java.util.Map.of("DOCKER_HOST", "tcp://u:p@h:2376",
                "CUDA_HOME", "/usr/local/cuda"))).containsExactly(java.util.Map.entry("CUDA_HOME", "/usr/local/cuda"),
                java.util.Map.entry("DOCKER_HOST", "tcp://***@h:2376"));
    }
}
