package io.github.gpuenv.docker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.gpuenv.testing.FixtureRoots;
import io.github.gpuenv.cdi.GpuInjection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec from {@code GpuInjection.cdiSpecJson} is accepted by a real Docker Engine 26 with CDI on, and by Podman 5.4
 * (what gpuenv's remedy there, {@code gpuenv cdi generate}, writes): a container
 * asking for {@code <kind>=all} gets the device nodes, the read-only library, the binary on PATH and the
 * environment — and the container's own {@code LD_LIBRARY_PATH} is left as it was, the libraries being also where
 * the image's loader looks ({@code /usr/lib/x86_64-linux-gnu}, {@code /usr/lib64}). The "driver" is a fixture root whose device nodes are links to {@code /dev/zero}, {@code /dev/null}
 * and {@code /dev/full}, whose libcuda is a small text file and whose nvidia-smi is a shell script.
 *
 * <p>Needs GPUENV_TEST_DOCKER26_HOST, GPUENV_TEST_DOCKER26_CDI_DIR (GPUENV_TEST_PODMAN_HOST,
 * GPUENV_TEST_PODMAN_CDI_DIR) and GPUENV_TEST_IMAGE ({@code .ci/test} sets them); skipped without them unless
 * GPUENV_REQUIRE_DOCKER=1, which makes it fail.
 */
class CdiSpecEngine26IT {

    private static final String LABEL = "io.github.gpuenv.test";
    private static final String LIB = FixtureRoots.FAKE_DRIVER_LIB;
    /** What a framework image sets (a CDI env edit of LD_LIBRARY_PATH would replace it). */
    private static final String IMAGE_LIBRARY_PATH = "/usr/local/cuda/lib64:/opt/framework/lib";

    @TempDir
    Path temp;
    private Path specFile;

    @AfterEach
    void cleanUp() throws Exception {
        if (specFile != null) {
            Files.deleteIfExists(specFile);
        }
        FixtureRoots.removeOutsideLinks(temp);
    }

    @ParameterizedTest
    @CsvSource({"GPUENV_TEST_DOCKER26_HOST, GPUENV_TEST_DOCKER26_CDI_DIR, 1.45",
            "GPUENV_TEST_PODMAN_HOST, GPUENV_TEST_PODMAN_CDI_DIR, 1.41"})
    void aContainerRequestingTheGeneratedDevicesGetsNodesMountsAndEnvironment(String hostVariable,
            String cdiDirVariable, String apiVersion) throws Exception {
        String host = required(hostVariable);
        Path cdiDir = Path.of(required(cdiDirVariable));
        String image = required("GPUENV_TEST_IMAGE");

        String run = UUID.randomUUID().toString().substring(0, 8);
        Path root = FixtureRoots.fakeDriver(Files.createDirectory(temp.resolve("root")), LIB, run);
        // a kind of its own: another spec of kind nvidia.com/gpu in the directory would clash on device names
        String kind = "gpuenv-test.example/gpu-" + run;
        String spec = GpuInjection.discover(FixtureRoots.options(root, Map.of("LD_LIBRARY_PATH", LIB))).cdiSpecJson(kind);
        specFile = cdiDir.resolve("gpuenv-it-" + run + ".json");
        Files.writeString(specFile, spec);

        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).withApiVersion(apiVersion).build();
        try (ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(60)).build();
             DockerClient docker = DockerClientImpl.getInstance(config, http)) {
            String output = runPollingForTheSpec(docker, image, kind);
            assertThat(output).containsPattern("(?m)^c.* /dev/nvidia0$")
                    .containsPattern("(?m)^c.* /dev/nvidiactl$")
                    .containsPattern("(?m)^c.* /dev/nvidia-uvm$")
                    .contains("gpuenv fake libcuda " + run)
                    .contains("fake nvidia-smi " + run)
                    // the container's own LD_LIBRARY_PATH survives; the library is where the image's loader looks
                    .contains("LD_LIBRARY_PATH=" + IMAGE_LIBRARY_PATH + "\n")
                    .contains("/usr/lib/x86_64-linux-gnu: gpuenv fake libcuda " + run)
                    .contains("/usr/lib64: gpuenv fake libcuda " + run)
                    .contains("read-only: yes");
        }
    }

    /**
     * Engine 26 watches its CDI directories and picks a new spec up asynchronously (it does not re-read them per
     * container; Podman does), so the first start may not know the kind yet: retry on "unresolvable CDI devices", for 20 s at most.
     */
    private static String runPollingForTheSpec(DockerClient docker, String image, String kind) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            String id = docker.createContainerCmd(image)
                    .withLabels(Map.of(LABEL, "CdiSpecEngine26IT"))
                    .withEnv("LD_LIBRARY_PATH=" + IMAGE_LIBRARY_PATH)
                    .withCmd("sh", "-c", "ls -l /dev/nvidia0 /dev/nvidiactl /dev/nvidia-uvm; cat " + LIB + "/libcuda.so.1; "
                            + "nvidia-smi; echo LD_LIBRARY_PATH=$LD_LIBRARY_PATH; "
                            + "for d in /usr/lib/x86_64-linux-gnu /usr/lib64; do echo \"$d: $(cat $d/libcuda.so.1)\"; done; "
                            + "(echo x > " + LIB + "/libcuda.so.1) 2>/dev/null && echo 'read-only: no' || echo 'read-only: yes'")
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                            .withDeviceRequests(List.of(new DeviceRequest().withDriver("cdi")
                                    .withDeviceIds(List.of(kind + "=all")))))
                    .exec().getId();
            try {
                docker.startContainerCmd(id).exec();
                int exit = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
                String logs = logs(docker, id);
                assertThat(exit).as("container exit code; output:%n%s", logs).isZero();
                return logs;
            } catch (DockerException e) {
                if (!String.valueOf(e.getMessage()).contains("unresolvable CDI devices") || Instant.now().isAfter(deadline)) {
                    throw e;
                }
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
            TimeUnit.MILLISECONDS.sleep(200); // poll interval, bounded by the deadline above
        }
    }

    private static String logs(DockerClient docker, String id) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString();
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String message = variable + " is not set: no engine with CDI to test against (run .ci/test)";
            if ("1".equals(System.getenv("GPUENV_REQUIRE_DOCKER"))) {
                fail(message + ", and GPUENV_REQUIRE_DOCKER=1");
            }
            assumeTrue(false, message);
        }
        return value;
    }
}
