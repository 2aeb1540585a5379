package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in logs, reports, capture files or error output: the CLI runs in child JVMs with slf4j-simple at TRACE
 * writing to a file, registry credentials in a {@code DOCKER_CONFIG} {@code auths} entry (used by a real pull from
 * the local registry, which ignores them) and a {@code DOCKER_HOST} carrying {@code user:pass@}. Every byte the
 * runs leave — stdout, stderr, the log files, the report JSON, every file {@code gpuenv capture} wrote, and every
 * base64 token in them decoded — must lack the secrets.
 */
class SecretsLeakIT {

    private static final String USER = "gpuenv-user";
    private static final String PASSWORD = "Sup3r-s3cret-PW";
    private static final String HOST_PASSWORD = "hunter2-s3cret";

    @TempDir
    Path tmp;

    private ChildJvm.Result gpuenv(String log, Map<String, String> env, String... args) {
        // docker-java is quiet in the CLI by default: turn it up too, so its header and wire loggers must hold INFO
        List<String> jvm = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.com.github.dockerjava=trace",
                "-Dorg.slf4j.simpleLogger.logFile=" + tmp.resolve(log));
        return ChildJvm.run(jvm, "io.github.gpuenv.cli.GpuEnvCli", List.of(args), env, null, Duration.ofMinutes(3));
    }

    @Test
    void registryAuthAndDockerHostCredentialsLeakNowhere() throws IOException {
        String engine = TestEngines.require(TestEngines.ENGINE20);
        String image = TestEngines.require(TestEngines.REGISTRY) + "/" + TestEngines.image();
        Path config = Files.createDirectories(tmp.resolve("docker-config"));
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"" + TestEngines.require(TestEngines.REGISTRY)
                + "\":{\"auth\":\"" + auth + "\"}}}");
        Map<String, String> env = Map.of("DOCKER_CONFIG", config.toString(),
                "DOCKER_HOST", "tcp://alice:" + HOST_PASSWORD + "@127.0.0.1:9");

        ChildJvm.Result run = gpuenv("run.log", env, "run", "-H", engine, "--pull", "always", image, "echo", "ran");
        assertThat(run.exitCode()).as("run stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("ran\n");
        ChildJvm.Result detect = gpuenv("detect.log", env, "detect", "--json", "--probe-timeout", "3s");
        assertThat(detect.stdout()).contains("\"docker\"").contains("tcp://127.0.0.1:9");
        ChildJvm.Result capture = gpuenv("capture.log", env, "capture", tmp.resolve("capture").toString());
        ChildJvm.Result failing = gpuenv("failing.log", env, "run", "--pull", "never", image, "true");
        assertThat(failing.exitCode()).isEqualTo(125);
        assertThat(failing.stderr()).contains("tcp://127.0.0.1:9");

        assertThat(Files.readString(tmp.resolve("run.log"))).as("TRACE logging reached the file").contains("DEBUG");
        List<String> texts = new ArrayList<>(List.of(run.stdout(), run.stderr(), detect.stdout(), detect.stderr(),
                capture.stdout(), capture.stderr(), failing.stdout(), failing.stderr()));
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.startsWith(config)) {
                    texts.add(f + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(texts.size()).as("logs and capture files were read").isGreaterThan(10);
        for (String text : texts) {
            assertNoSecret(text, auth);
        }
    }

    private static void assertNoSecret(String text, String auth) {
        String where = text.lines().findFirst().orElse("");
        assertThat(text).as(where).doesNotContain(PASSWORD).doesNotContain(HOST_PASSWORD).doesNotContain(auth);
        Matcher tokens = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}").matcher(text);
        while (tokens.find()) {
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    String decoded = new String(decoder.decode(tokens.group()), StandardCharsets.ISO_8859_1);
                    int at = text.lastIndexOf('\n', tokens.start()) + 1;
                    String line = text.substring(at, Math.min(text.length(), Math.min(tokens.start(), at + 200)));
                    assertThat(decoded).as("base64 token in " + where + " after: " + line).doesNotContain(PASSWORD)
                            .doesNotContain(HOST_PASSWORD);
                } catch (IllegalArgumentException notBase64) {
                    // not a token
                }
            }
        }
    }
}
