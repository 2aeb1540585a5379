package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gpuenv.docker.internal.OwnerId;
import io.github.gpuenv.docker.testing.ChildJvm;
import io.github.gpuenv.docker.testing.SessionHolderMain;
import io.github.gpuenv.docker.testing.TestEngines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One engine shared by many users, as on CI runners and servers: a sweep ({@link DockerGpu#connect()} and
 * {@link DockerGpu#removeLeftovers()}) never touches another session's running container — a second
 * {@code DockerGpu} in this JVM, another JVM, a JVM in another PID namespace (a CI job in a sibling container sharing
 * the socket) — and does remove what a dead owner left: at once when the owner was visible, after its lease lapsed
 * when it was not. Runs on Engine 20.10, Engine 26.1 and Podman 5.4.
 */
class SharedEngineIT {

    private static final Pattern OWNER = Pattern.compile("OWNER (\\S+)");
    private static final Pattern RUNNING = Pattern.compile("RUNNING ([0-9a-f]{64})");

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void aSecondDockerGpuInThisJvmLeavesTheFirstOnesRunAlone(String variable) throws Exception {
        String host = TestEngines.require(variable);
        try (DockerGpu first = TestEngines.connect(variable)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread runner = sleeper(first, outcome);
            String id = awaitRunningOfThisJvm(host);
            String startedAt = startedAt(host, id);
            try (DockerGpu second = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
                assertThat(second.removeLeftovers()).isZero();
            }
            assertThat(isRunning(host, id)).as("the first DockerGpu's container after the second one's sweeps").isTrue();
            assertThat(startedAt(host, id)).as("not restarted").isEqualTo(startedAt);
            runner.interrupt();
            assertThat(outcome.get(60, TimeUnit.SECONDS)).as("the run ended by its own interrupt, nothing else")
                    .isInstanceOf(ContainerInterruptedException.class);
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void aContainerRemovedByAnotherUserEndsTheRunTyped(String variable) throws Exception {
        String host = TestEngines.require(variable);
        try (DockerGpu docker = TestEngines.connect(variable)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            sleeper(docker, outcome);
            String id = awaitRunningOfThisJvm(host);
            TestEngines.request(host, "DELETE", "/containers/" + id + "?force=1");
            assertThat(outcome.get(60, TimeUnit.SECONDS)).as("only DockerGpuException's family escapes run()")
                    .isInstanceOf(DockerGpuException.class);
        } finally {
            TestEngines.assertNoManagedContainers(host);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void anotherJvmsRunIsLeftAlone(String variable) throws Exception {
        othersRunIsLeftAlone(variable, List.of(), false);
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void aRunOfAJvmInAnotherPidNamespaceIsLeftAlone(String variable) throws Exception {
        othersRunIsLeftAlone(variable, otherPidNamespace(), true);
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void whatADeadVisibleOwnerLeftIsRemovedAtOnce(String variable) throws Exception {
        String host = TestEngines.require(variable);
        Holder child = Holder.start(host, List.of(), "crash", Duration.ofMinutes(2));
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(isRunning(host, child.containerId)).as("a halted owner leaves its container running").isTrue();
        try (DockerGpu sweeper = DockerGpu.connect(ConnectOptions.builder().dockerHost(host)
                .removeLeftovers(false).build())) {
            assertThat(sweeper.removeLeftovers()).isGreaterThanOrEqualTo(1);
        }
        assertThat(exists(host, child.containerId)).as("its owner process has ended").isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.github.gpuenv.docker.testing.TestEngines#allEngines")
    void whatAnInvisibleDeadOwnerLeftIsRemovedOnlyAfterItsLeaseLapsed(String variable) throws Exception {
        String host = TestEngines.require(variable);
        Duration lease = Duration.ofSeconds(10);
        Holder child = Holder.start(host, otherPidNamespace(), "crash", lease);
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long halted = System.nanoTime();
        String session = label(host, child.containerId, "io.github.gpuenv.session");
        assertThat(leaseVolumes(host, session)).as("the dead session's lease").isNotEmpty();
        try (DockerGpu sweeper = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
            assertThat(isRunning(host, child.containerId)).as("kept while its lease is current").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (exists(host, child.containerId) && System.nanoTime() < deadline) {
                sweeper.removeLeftovers();
                Thread.sleep(250);
            }
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - halted);
        assertThat(exists(host, child.containerId)).as("removed once the lease lapsed").isFalse();
        // Renewed every lease/4: the last lease written before the halt still had at least 3/4 of its time.
        assertThat(waited).as("not before the lease could have lapsed").isGreaterThan(lease.multipliedBy(3).dividedBy(4));
        assertThat(leaseVolumes(host, session)).as("the lapsed lease volume went with its last container").isEmpty();
    }

    private static void othersRunIsLeftAlone(String variable, List<String> prefix, boolean otherNamespace)
            throws Exception {
        String host = TestEngines.require(variable);
        Holder child = Holder.start(host, prefix, "hold", Duration.ofSeconds(4));
        try {
            OwnerId owner = OwnerId.parse(child.owner).orElseThrow();
            assertThat(owner.pidNamespace().equals(OwnerId.self().pidNamespace())).isEqualTo(!otherNamespace);
            String startedAt = startedAt(host, child.containerId);
            // Past several renewals of the short lease: a lease that is renewed must keep the run.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            do {
                try (DockerGpu sweeper = DockerGpu.connect(ConnectOptions.builder().dockerHost(host).build())) {
                    assertThat(sweeper.removeLeftovers()).isZero();
                }
                Thread.sleep(500);
            } while (System.nanoTime() < until);
            assertThat(isRunning(host, child.containerId)).as("the other process's container after our sweeps")
                    .isTrue();
            assertThat(startedAt(host, child.containerId)).isEqualTo(startedAt);
            assertThat(child.finish()).as("the other process's run ended by its own interrupt")
                    .startsWith("RESULT ContainerInterruptedException");
            assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process.exitValue()).isZero();
            assertThat(exists(host, child.containerId)).as("it removed its own container").isFalse();
        } finally {
            child.process.destroyForcibly();
        }
    }

    /** Starts a {@code sleep 300} run of {@code docker} on a thread; {@code outcome} gets its failure (null: none). */
    private static Thread sleeper(DockerGpu docker, CompletableFuture<Throwable> outcome) {
        Thread runner = new Thread(() -> {
            try {
                docker.run(RunOptions.builder(TestEngines.image()).command("sleep", "300").pullPolicy(PullPolicy.NEVER)
                        .build());
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        runner.start();
        return runner;
    }

    /** {@code unshare --pid --fork --mount-proc --kill-child}: a new PID namespace, as a sibling container has. */
    private static List<String> otherPidNamespace() {
        boolean root = "0".equals(uid());
        if ("1".equals(System.getenv("GPUENV_REQUIRE_DOCKER"))) {
            assertThat(root).as("CI runs as root, which unshare --pid needs").isTrue();
        }
        assumeTrue(root, "a new PID namespace needs root");
        return List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child");
    }

    private static String uid() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A {@link SessionHolderMain} child and what it printed. */
    private static final class Holder {
        final Process process;
        final BufferedReader out;
        final String owner;
        final String containerId;

        private Holder(Process process, BufferedReader out, String owner, String containerId) {
            this.process = process;
            this.out = out;
            this.owner = owner;
            this.containerId = containerId;
        }

        static Holder start(String host, List<String> prefix, String mode, Duration lease) throws Exception {
            Process p = ChildJvm.start(prefix, List.of(), SessionHolderMain.class.getName(),
                    List.of(mode, lease.toString()), Map.of("DOCKER_HOST", host, TestEngines.IMAGE,
                            TestEngines.image()));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String[]> lines = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String[] {out.readLine(), out.readLine()};
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String[] two;
            try {
                two = lines.get(90, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
                throw new AssertionError("the child printed no OWNER/RUNNING lines", e);
            }
            Matcher owner = OWNER.matcher(String.valueOf(two[0]));
            Matcher running = RUNNING.matcher(String.valueOf(two[1]));
            if (!owner.matches() || !running.matches()) {
                p.destroyForcibly();
                throw new AssertionError("unexpected child output: " + String.join(" | ", String.valueOf(two[0]),
                        String.valueOf(two[1])));
            }
            return new Holder(p, out, owner.group(1), running.group(1));
        }

        /** Asks the child to end its run; its RESULT line. */
        String finish() throws Exception {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return String.valueOf(out.readLine());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(90, TimeUnit.SECONDS);
        }
    }

    /** Polls (bounded) until a gpuenv container of this JVM runs on {@code host}; its id. */
    static String awaitRunningOfThisJvm(String host) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String id : TestEngines.containersOfThisJvm(host)) {
                if (isRunning(host, id)) {
                    return id;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no running gpuenv container of this JVM on " + host + " within 60 s");
    }

    private static boolean isRunning(String host, String id) {
        return TestEngines.get(host, "/containers/" + id + "/json").contains("\"Running\":true");
    }

    private static boolean exists(String host, String id) {
        return TestEngines.get(host, "/containers/" + id + "/json").contains("\"Id\":\"" + id + "\"");
    }

    private static String startedAt(String host, String id) {
        Matcher m = Pattern.compile("\"StartedAt\":\"([^\"]+)\"").matcher(TestEngines.get(host, "/containers/" + id
                + "/json"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String label(String host, String id, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]+)\"").matcher(TestEngines.get(host,
                "/containers/" + id + "/json"));
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static List<String> leaseVolumes(String host, String session) {
        String filter = "{\"label\":[\"io.github.gpuenv.lease=" + session + "\"]}";
        String body = TestEngines.get(host, "/volumes?filters=" + java.net.URLEncoder.encode(filter,
                StandardCharsets.UTF_8));
        return Pattern.compile("\"Name\":\"(gpuenv-lease-[^\"]+)\"").matcher(body).results().map(r -> r.group(1))
                .toList();
    }
}
