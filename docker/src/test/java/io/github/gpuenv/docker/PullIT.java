package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.testing.TestEngines;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pulls from the local registry ({@code GPUENV_TEST_REGISTRY}) with progress, and the pull policies. */
class PullIT {

    private static String registryImage() {
        return TestEngines.require(TestEngines.REGISTRY) + "/" + TestEngines.image();
    }

    private static void removeImage(String host, String image) {
        TestEngines.request(host, "DELETE", "/images/" + image + "?force=1&noprune=1");
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void missingPullsWithProgressThenDoesNotPullAgain(String variable) {
        String host = TestEngines.require(variable);
        String image = registryImage();
        removeImage(host, image);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThat(docker.hasImage(image)).isFalse();
            List<PullProgress> events = new CopyOnWriteArrayList<>();
            assertThat(docker.pull(image, PullPolicy.MISSING, events::add)).isTrue();
            assertThat(docker.hasImage(image)).isTrue();
            assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.image()).isEqualTo(image));
            assertThat(events).extracting(PullProgress::status).anyMatch(s -> s.contains("Pull complete")
                    || s.contains("Downloaded newer image") || s.contains("Download complete"));
            List<PullProgress> again = new CopyOnWriteArrayList<>();
            assertThat(docker.pull(image, PullPolicy.MISSING, again::add)).isFalse();
            assertThat(again).isEmpty();
            assertThat(docker.pull(image, PullPolicy.ALWAYS, again::add)).isTrue();
            assertThat(again).extracting(PullProgress::status).anyMatch(s -> s.contains("up to date"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void runPullsWhenMissingAndNeverRefuses(String variable) {
        String host = TestEngines.require(variable);
        String image = registryImage();
        removeImage(host, image);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.run(RunOptions.builder(image).command("true").pullPolicy(PullPolicy.NEVER)
                    .build())).isInstanceOf(ImageNotFoundException.class);
            List<PullProgress> events = new CopyOnWriteArrayList<>();
            RunResult r = docker.run(RunOptions.builder(image).command("echo", "pulled").build(), OutputListener.none(),
                    events::add);
            assertThat(r.stdout()).isEqualTo("pulled\n");
            assertThat(events).isNotEmpty();
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void anImageTheRegistryLacksIsTyped(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            String image = TestEngines.require(TestEngines.REGISTRY) + "/gpuenv/no-such-image:nope";
            assertThatThrownBy(() -> docker.pull(image, PullPolicy.MISSING, PullListener.none()))
                    .isInstanceOf(ImageNotFoundException.class).hasMessageContaining("no-such-image");
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aRegistryTheEngineCannotReachIsTypedWithTheOfflineRemedy(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.pull("127.0.0.1:1/gpuenv/offline:1", PullPolicy.MISSING,
                    PullListener.none())).isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("connection refused").hasMessageContaining("docker load");
        }
    }
}
