package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.testing.FixtureRoots;
import io.github.gpuenv.cdi.InjectionPlan;
import io.github.gpuenv.cdi.Mount;
import io.github.gpuenv.docker.testing.TestEngines;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Attach#INJECT} applies an {@link InjectionPlan} (here a test planner whose device node is the harmless
 * {@code /dev/null}) with no toolkit at all, on the plain Engine 20.10.
 */
class InjectAttachIT {

    @TempDir
    Path dir;

    @AfterEach
    void nothingLeft() throws IOException {
        FixtureRoots.removeOutsideLinks(dir);
        TestEngines.assertNoManagedContainers(TestEngines.require(TestEngines.ENGINE20));
    }

    private DockerGpu connect(List<List<String>> plannedFor) throws IOException {
        Path lib = Files.writeString(dir.resolve("libnvidia-fake.so.1"), "fake driver library\n");
        lib.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        InjectionPlanner planner = ids -> {
            plannedFor.add(ids);
            return new InjectionPlan(List.of(new DeviceNode("/dev/null", "/dev/nvidia-fake0", "rwm")),
                    List.of(new Mount(lib.toString(), "/usr/lib/libnvidia-fake.so.1", true)),
                    Map.of("NVIDIA_FAKE_INJECTED", "yes"));
        };
        String host = TestEngines.require(TestEngines.ENGINE20);
        return DockerGpu.connect(ConnectOptions.builder().environment(TestEngines.environment(host))
                .injectionPlanner(planner).removeLeftovers(false).build());
    }

    private static RunOptions.Builder probe() {
        return RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER).command("sh", "-c",
                "echo $NVIDIA_FAKE_INJECTED; [ -c /dev/nvidia-fake0 ] && echo node; cat /usr/lib/libnvidia-fake.so.1;"
                        + " echo x >> /usr/lib/libnvidia-fake.so.1 2>/dev/null || echo read-only");
    }

    @Test
    void injectAppliesThePlan() throws IOException {
        List<List<String>> planned = new CopyOnWriteArrayList<>();
        try (DockerGpu docker = connect(planned)) {
            // fake GPUs of a fake planner: preflight (this machine's GPUs) is off
            RunResult r = docker.run(probe().gpus(GpuRequest.devices("0", "1")).attach(Attach.INJECT).preflight(false)
                    .build());
            assertThat(r.attach()).isEqualTo(Attach.INJECT);
            assertThat(r.stdout()).isEqualTo("yes\nnode\nfake driver library\nread-only\n");
        }
        assertThat(planned).containsExactly(List.of("0", "1"));
    }

    /**
     * The default planner ({@link InjectionPlanner#fromHost}): this host's driver files, discovered by
     * {@code GpuInjection} through the connection's file view — here a fixture root whose device nodes are harmless
     * host nodes and whose libcuda and nvidia-smi are small real files.
     */
    @Test
    void theDefaultPlannerInjectsThisHostsDriverFiles() throws Exception {
        Path root = FixtureRoots.fakeDriver(Files.createDirectories(dir.resolve("root")), FixtureRoots.FAKE_DRIVER_LIB,
                "inject-it");
        String host = TestEngines.require(TestEngines.ENGINE20);
        Environment env = TestEngines.environment(host).withVariable("LD_LIBRARY_PATH", FixtureRoots.FAKE_DRIVER_LIB);
        try (DockerGpu docker = DockerGpu.connect(ConnectOptions.builder().environment(env)
                .files(FileView.rooted(root)).removeLeftovers(false).build())) {
            RunResult r = docker.run(RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .command("sh", "-c", "[ -c /dev/nvidia0 ] && [ -c /dev/nvidiactl ] && echo nodes; cat "
                            + FixtureRoots.FAKE_DRIVER_LIB + "/libcuda.so.1; nvidia-smi; echo $LD_LIBRARY_PATH;"
                            + " cat /usr/lib/x86_64-linux-gnu/libcuda.so.1 /usr/lib64/libcuda.so.1")
                    .env("LD_LIBRARY_PATH", "/opt/framework/lib")
                    .gpus(GpuRequest.all()).attach(Attach.INJECT).build());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            // the run's own LD_LIBRARY_PATH is kept; libcuda is also where the image's loader looks
            assertThat(r.stdout()).isEqualTo("nodes\ngpuenv fake libcuda inject-it\nfake nvidia-smi inject-it\n"
                    + "/opt/framework/lib\ngpuenv fake libcuda inject-it\ngpuenv fake libcuda inject-it\n");
        }
    }

    @Test
    void autoInjectsOnlyWhenAllowed() throws IOException {
        List<List<String>> planned = new CopyOnWriteArrayList<>();
        try (DockerGpu docker = connect(planned)) {
            RunResult r = docker.run(probe().gpus(GpuRequest.all()).allowInject(true).build());
            assertThat(r.attach()).isEqualTo(Attach.INJECT);
            assertThat(planned).containsExactly(List.of("all"));
            assertThatThrownBy(() -> docker.run(probe().gpus(GpuRequest.all()).build()))
                    .isInstanceOf(GpuDriverMissingException.class);
            assertThat(planned).hasSize(1);
        }
    }
}
