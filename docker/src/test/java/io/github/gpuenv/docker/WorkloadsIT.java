package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HealthCheck;
import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.TestEngines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Containers for real workloads on the real engines (Engine 20.10 and 26.1, the busybox-static test image): mounts,
 * working directory, entrypoint, user, shm size, ulimits, IPC, labels and limits as the container sees them, and
 * detached containers — a web server on a random host port waited for, fetched from, stopped and removed; waits that
 * fail typed; containers that outlive their session and those reaped with it. Every check reads the effect inside
 * the container or through the engine's raw API, not gpuenv's view of its own options.
 */
class WorkloadsIT {

    private static RunOptions.Builder busybox(String... argv) {
        return RunOptions.builder(TestEngines.image()).command(argv).pullPolicy(PullPolicy.NEVER);
    }

    private static String run(DockerGpu docker, RunOptions options) {
        RunResult r = docker.run(options);
        assertThat(r.exitCode()).as("exit code; stderr: " + r.stderr()).isZero();
        return r.stdout();
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aBindMountAndANamedVolumeAndReadOnlyIsHonoured(String variable) throws Exception {
        String host = TestEngines.require(variable);
        Path dir = Files.createTempDirectory("gpuenv-bind", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.writeString(dir.resolve("input.txt"), "from the host\n");
        String volume = "gpuenv-wl-" + UUID.randomUUID();
        try (DockerGpu docker = TestEngines.connect(variable)) {
            // read-write: the container writes into both
            run(docker, busybox("sh", "-c", "cat /in/input.txt; echo out > /in/written.txt; echo kept > /v/data.txt")
                    .volume(dir + ":/in").volume(volume + ":/v").build());
            assertThat(Files.readString(dir.resolve("written.txt"))).isEqualTo("out\n");
            // read-only: both readable, neither writable
            String out = run(docker, busybox("sh", "-c", "cat /in/input.txt /v/data.txt;"
                    + " touch /in/x 2>&1 && echo BIND-WRITABLE; touch /v/x 2>&1 && echo VOLUME-WRITABLE; true")
                    .mount(Mount.bind(dir, "/in").asReadOnly()).volume(volume + ":/v:ro").build());
            assertThat(out).contains("from the host", "kept").contains("Read-only file system")
                    .doesNotContain("BIND-WRITABLE", "VOLUME-WRITABLE");
            assertThat(TestEngines.get(host, "/volumes/" + volume)).as("the named volume stays after its containers")
                    .contains("\"Name\":\"" + volume + "\"");
        } finally {
            TestEngines.assertNoManagedContainers(host);
            TestEngines.request(host, "DELETE", "/volumes/" + volume);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void workingDirectoryEntrypointUserAndExtraHosts(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            String out = run(docker, RunOptions.builder(TestEngines.image()).pullPolicy(PullPolicy.NEVER)
                    .workingDir("/tmp/work/dir").entrypoint("sh", "-c").command("pwd; id -u; id -g; grep db.local /etc/hosts")
                    .user("1234:5678").addHost("db.local:10.1.2.3").build());
            assertThat(out.lines()).containsExactly("/tmp/work/dir", "1234", "5678", "10.1.2.3\tdb.local");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void shmSizeAndUlimitsAreWhatTheContainerSees(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            String out = run(docker, busybox("sh", "-c", "df -k /dev/shm | tail -1; ulimit -s; ulimit -l; ulimit -H -l;"
                    + " ulimit -n").shmSize("128m").ulimit("stack=67108864").ulimit("memlock=4194304:8388608")
                    .ulimit(Ulimit.of("nofile", 1000, 2000)).build());
            List<String> lines = out.lines().toList();
            assertThat(lines.get(0).split("\\s+")[1]).as("/dev/shm 1K-blocks").isEqualTo("131072");
            assertThat(lines.subList(1, 5)).containsExactly("65536", "4096", "8192", "1000");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void memlockUnlimitedIsAppliedOrRefusedWithTheEnginesLimitAsRemedy(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable)) {
            RunOptions options = busybox("sh", "-c", "ulimit -l").ulimit("memlock=-1").build();
            try {
                assertThat(run(docker, options).strip()).isEqualTo("unlimited");
            } catch (DockerGpuException e) {
                // an engine that may not raise its own hard limit (this machine's: 8 MiB, no CAP_SYS_RESOURCE)
                assertThat(e.getMessage()).contains("error setting rlimit").contains("LimitMEMLOCK");
            }
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void ipcHostSharesTheHostsIpcNamespace(String variable) throws Exception {
        // the engines run on this machine, in this process's IPC namespace
        String hostIpc = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThat(run(docker, busybox("busybox", "readlink", "/proc/self/ns/ipc").ipc(IpcMode.HOST).build()).strip())
                    .isEqualTo(hostIpc);
            assertThat(run(docker, busybox("busybox", "readlink", "/proc/self/ns/ipc").build()).strip())
                    .as("without --ipc host: its own").isNotEqualTo(hostIpc);
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void nameLabelsInitAndLimitsReachTheEngine(String variable) {
        String host = TestEngines.require(variable);
        String name = "gpuenv-wl-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerGpu docker = TestEngines.connect(variable);
             GpuContainer c = docker.start(busybox("sleep", "300").name(name).label("team", "ml").init(true)
                     .cpus("0.5").cpusetCpus("0").memory("64m").stopTimeout(Duration.ofSeconds(1)).build())) {
            assertThat(c.name()).isEqualTo(name);
            String json = TestEngines.get(host, "/containers/" + c.id() + "/json");
            assertThat(json).contains("\"Name\":\"/" + name + "\"", "\"team\":\"ml\"", "\"Init\":true",
                    "\"NanoCpus\":500000000", "\"CpusetCpus\":\"0\"", "\"Memory\":67108864", "\"StopTimeout\":1",
                    "\"io.github.gpuenv.managed\":\"true\"");
            assertThat(json).doesNotContain(ManagedLabelsView.OUTLIVE);
            assertThatThrownBy(() -> docker.start(busybox("true").name(name).build()))
                    .isInstanceOf(DockerGpuException.class).hasMessageContaining("name is taken");
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aDetachedWebServerOnARandomHostPort(String variable) throws Exception {
        String host = TestEngines.require(variable);
        List<String> logged = new CopyOnWriteArrayList<>();
        String id;
        try (DockerGpu docker = TestEngines.connect(variable)) {
            // a second's sleep first: the engine's port proxy accepts on the host port before httpd listens
            GpuContainer server = docker.start(busybox("sh", "-c", "mkdir -p /tmp/www; echo hello > /tmp/www/index.html;"
                    + " sleep 1; exec busybox httpd -f -v -p 8080 -h /tmp/www").network("bridge")
                    .publish("127.0.0.1::8080").build());
            id = server.id();
            LogFollow follow = server.logs((stream, bytes) -> logged.add(new String(bytes, StandardCharsets.UTF_8)));
            server.waitUntil(WaitCondition.portOpen(8080), Duration.ofSeconds(60));
            int port = server.hostPort(8080);
            assertThat(port).isPositive().isNotEqualTo(8080);
            assertThat(server.address(8080).getHostString()).isEqualTo("127.0.0.1");
            ContainerState state = server.inspect();
            assertThat(state.running()).isTrue();
            assertThat(state.exitCode()).isEmpty();
            assertThat(server.exitCode()).isEmpty();
            assertThat(state.ipAddress()).isNotEmpty();
            assertThat(state.ports()).contains(new PortBinding("127.0.0.1", port, port, 8080, PortBinding.Protocol.TCP));
            // fetched at once, no retry: the wait did not end on the proxy's early accept
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/index.html")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("hello\n");
            server.waitUntil(WaitCondition.logMatches("response:200"), Duration.ofSeconds(30));
            // the follower streams on its own connection: it may deliver the line a moment after the wait saw it
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!String.join("", logged).contains("response:200") && System.nanoTime() < until) {
                Thread.sleep(50); // poll interval, bounded by the 10 s above
            }
            assertThat(String.join("", logged)).contains("response:200");
            long t0 = System.nanoTime();
            server.stop(Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
            assertThat(follow.awaitEnd(Duration.ofSeconds(10))).as("the log stream ends with the container").isTrue();
            assertThat(server.exitCode()).as("httpd as PID 1 ignores SIGTERM: SIGKILL after the grace")
                    .hasValue(137);
            assertThat(server.inspect().status()).isEqualTo(ContainerState.Status.EXITED);
            assertThat(TestEngines.get(host, "/containers/" + id + "/json")).contains("\"Status\":\"exited\"");
            server.close();
            assertThat(TestEngines.get(host, "/containers/" + id + "/json")).containsIgnoringCase("No such container");
            assertThatThrownBy(server::inspect).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            server.close();
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void waitsEndTypedAndLeaveTheContainerAsItIs(String variable) {
        String host = TestEngines.require(variable);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            try (GpuContainer dies = docker.start(busybox("sh", "-c", "echo boom; exit 3").build())) {
                assertThatThrownBy(() -> dies.waitUntil(WaitCondition.logContains("never printed"),
                        Duration.ofSeconds(30))).isInstanceOfSatisfying(ContainerExitedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(3)).hasMessageContaining("boom");
                assertThat(dies.exitCode()).hasValue(3);
                assertThatThrownBy(() -> dies.waitUntil(WaitCondition.healthy(), Duration.ofSeconds(5)))
                        .isInstanceOf(ContainerExitedException.class);
            }
            try (GpuContainer quiet = docker.start(busybox("sleep", "300").network("bridge").publish("8080").build())) {
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> quiet.waitUntil(WaitCondition.portOpen(8080), Duration.ofSeconds(2)))
                        .isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("still runs")
                        .hasMessageContaining("closed at once");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
                assertThat(quiet.inspect().running()).as("a wait that timed out stops nothing").isTrue();
                assertThatThrownBy(() -> quiet.waitUntil(WaitCondition.healthy(), Duration.ofSeconds(5)))
                        .isInstanceOf(DockerGpuException.class).hasMessageContaining("no health check");
                assertThatThrownBy(() -> quiet.hostPort(9999)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not published");
                quiet.stop(Duration.ZERO);
            }
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void waitUntilHealthyAndAnUnpublishedPortAtTheContainersAddress(String variable) {
        try (DockerGpu docker = TestEngines.connect(variable);
             GpuContainer c = docker.start(busybox("sh", "-c", "sleep 1; touch /tmp/ready;"
                     + " exec busybox httpd -f -p 9000").network("bridge").init(true)
                     .withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(new HealthCheck()
                             .withTest(List.of("CMD-SHELL", "test -f /tmp/ready"))
                             .withInterval(Duration.ofMillis(300).toNanos()).withRetries(100))).build())) {
            assertThat(c.inspect().health()).isIn(ContainerState.Health.STARTING, ContainerState.Health.HEALTHY);
            c.waitUntil(WaitCondition.healthy(), Duration.ofSeconds(60));
            assertThat(c.inspect().health()).isEqualTo(ContainerState.Health.HEALTHY);
            c.waitUntil(WaitCondition.portOpen(9000), Duration.ofSeconds(30));
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    /** On the host's network (no bridge, as on the H200 host's kit engine) the port is the host's own. */
    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aServerOnTheHostsNetworkIsWaitedForAtLocalhost(String variable) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (DockerGpu docker = TestEngines.connect(variable);
             GpuContainer c = docker.start(busybox("sh", "-c", "mkdir -p /tmp/www; echo host-net > /tmp/www/index.html;"
                     + " sleep 1; exec busybox httpd -f -p 127.0.0.1:" + port + " -h /tmp/www").network("host").build())) {
            c.waitUntil(WaitCondition.portOpen(port), Duration.ofSeconds(60));
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/index.html")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("host-net\n");
        } finally {
            TestEngines.assertNoManagedContainers(TestEngines.require(variable));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aContainerThatOutlivesItsSessionSurvivesCloseAndAnotherSweep(String variable) {
        String host = TestEngines.require(variable);
        String id = null;
        try {
            try (DockerGpu docker = TestEngines.connect(variable)) {
                GpuContainer c = docker.start(busybox("sleep", "300").outliveSession(true).build());
                id = c.id();
                assertThat(c.outlivesSession()).isTrue();
            }
            assertThat(TestEngines.get(host, "/containers/" + id + "/json")).as("after its DockerGpu closed")
                    .contains("\"Running\":true").contains("\"" + ManagedLabelsView.OUTLIVE + "\":\"true\"");
            try (DockerGpu other = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
                other.removeLeftovers();
            }
            assertThat(TestEngines.get(host, "/containers/" + id + "/json")).as("after another DockerGpu's sweeps")
                    .contains("\"Running\":true");
        } finally {
            if (id != null) {
                TestEngines.request(host, "DELETE", "/containers/" + id + "?force=1");
            }
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aDetachedContainerOfTheSessionIsKeptBySweepsAndRemovedWhenItsSessionCloses(String variable) {
        String host = TestEngines.require(variable);
        GpuContainer c;
        try (DockerGpu docker = TestEngines.connect(variable)) {
            c = docker.start(busybox("sleep", "300").build());
            try (DockerGpu other = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
                assertThat(other.removeLeftovers()).isZero();
            }
            assertThat(c.inspect().running()).as("its session is open: the other's sweep kept it").isTrue();
        }
        assertThat(TestEngines.get(host, "/containers/" + c.id() + "/json")).containsIgnoringCase("No such container");
        assertThatThrownBy(c::exitCode).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("removed with it");
        TestEngines.assertNoManagedContainers(host);
    }

    @Test
    void atJvmExitTheShutdownHookRemovesTheSessionsDetachedContainersAndLeavesOnesThatOutliveIt() {
        String host = TestEngines.require(TestEngines.ENGINE20);
        ChildJvm.Result r = ChildJvm.run(List.of(), "io.github.gpuenv.docker.testing.DetachedExitMain", List.of(),
                Map.of("DOCKER_HOST", host, TestEngines.IMAGE, TestEngines.image()), null, Duration.ofMinutes(2));
        Matcher reaped = Pattern.compile("REAPED ([0-9a-f]{64})").matcher(r.stdout());
        Matcher outlives = Pattern.compile("OUTLIVES ([0-9a-f]{64})").matcher(r.stdout());
        assertThat(reaped.find() && outlives.find()).as("child output: " + r.stdout() + r.stderr()).isTrue();
        try {
            assertThat(r.exitCode()).isZero();
            assertThat(TestEngines.get(host, "/containers/" + reaped.group(1) + "/json"))
                    .containsIgnoringCase("No such container");
            assertThat(TestEngines.get(host, "/containers/" + outlives.group(1) + "/json"))
                    .contains("\"Running\":true");
        } finally {
            TestEngines.request(host, "DELETE", "/containers/" + outlives.group(1) + "?force=1");
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#bothEngines")
    void aStartThatFailsRemovesItsContainer(String variable) {
        String host = TestEngines.require(variable);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            assertThatThrownBy(() -> docker.start(busybox("/no/such/binary").build()))
                    .isInstanceOf(DockerGpuException.class).hasMessageContaining("start container");
            assertThatThrownBy(() -> docker.start(busybox("/no/such/binary").outliveSession(true).build()))
                    .isInstanceOf(DockerGpuException.class);
            assertThat(TestEngines.containersOfThisJvm(host)).isEmpty();
            assertThatThrownBy(() -> docker.run(busybox("true").outliveSession(true).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DockerGpu.start");
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    /** The outlive label's name, as the engine shows it (ManagedLabels is internal). */
    private static final class ManagedLabelsView {
        static final String OUTLIVE = io.github.gpuenv.docker.internal.ManagedLabels.OUTLIVE;
    }
}
