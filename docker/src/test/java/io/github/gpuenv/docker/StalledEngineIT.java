package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.docker.testing.StallingEngine;
import io.github.gpuenv.docker.testing.TestEngines;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every phase of a run has a bound: a stand-in engine ({@link StallingEngine}, a proxy in front of Engine 20.10)
 * holds one endpoint at a time — answering nothing, as a daemon blocked by a hung NVIDIA hook does — and the run ends
 * typed: {@link ContainerTimeoutException} when the run's own timeout ran out, {@link DockerUnavailableException}
 * ({@code TIMED_OUT}) when the request timeout did, for a run without a timeout. When the engine recovers (the held
 * requests are forwarded: late answers) and the {@code DockerGpu} is closed, nothing of this JVM is left on it.
 */
class StalledEngineIT {

    /** The request timeout when a test is about it (runs without a timeout, connect). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** The request timeout when a test is about the run's timeout (which must then be the shorter). */
    private static final Duration LONG_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(3);
    /** Not a speed target: only what tells a bounded call from a hung one. */
    private static final long HANG_GUARD_S = 90;

    private static RunOptions.Builder sleeper(String seconds) {
        return RunOptions.builder(TestEngines.image()).command("sleep", seconds).pullPolicy(PullPolicy.NEVER);
    }

    @Test
    void aHeldCreateEndsTheRunAtItsTimeoutAndTheLateContainerIsRemoved() throws Exception {
        Throwable t = runThrough("POST /containers/create", sleeper("30").timeout(RUN_TIMEOUT).build());
        assertThat(t).isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("the create")
                .hasMessageContaining("reached its timeout").hasMessageContaining("nvidia-smi");
    }

    @Test
    void aHeldStartEndsTheRunAtItsTimeout() throws Exception {
        Throwable t = runThrough("POST /containers/*/start", sleeper("30").timeout(RUN_TIMEOUT).build());
        assertThat(t).isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("the start")
                .hasMessageContaining("reached its timeout");
    }

    @Test
    void aHeldStartWithoutARunTimeoutEndsAtTheRequestTimeout() throws Exception {
        Throwable t = runThrough("POST /containers/*/start", sleeper("30").build());
        assertThat(t).isInstanceOf(DockerUnavailableException.class).hasMessageContaining("did not answer the start")
                .hasMessageContaining("request timeout");
        assertThat(((DockerUnavailableException) t).kind()).isEqualTo(DockerUnavailableException.Kind.TIMED_OUT);
    }

    @Test
    void aHeldCreateWithoutARunTimeoutEndsAtTheRequestTimeout() throws Exception {
        Throwable t = runThrough("POST /containers/create", sleeper("30").build());
        assertThat(t).isInstanceOf(DockerUnavailableException.class).hasMessageContaining("did not answer the create");
    }

    @Test
    void aHeldImageInspectionEndsTheRun() throws Exception {
        assertThat(runThrough("GET /images/*/json", sleeper("30").timeout(RUN_TIMEOUT).build()))
                .isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("image inspection");
        assertThat(runThrough("GET /images/*/json", sleeper("30").build()))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("image inspection");
    }

    @Test
    void aHeldWaitEndsTheRunAtItsTimeout() throws Exception {
        assertThat(runThrough("POST /containers/*/wait", sleeper("1").timeout(RUN_TIMEOUT).build()))
                .isInstanceOf(ContainerTimeoutException.class).hasMessageContaining("longer than its timeout");
    }

    @Test
    void aHeldRemovalDoesNotHoldTheRunsResult() throws Exception {
        Object outcome = outcomeThrough("DELETE /containers/*", sleeper("0").build());
        assertThat(outcome).as("the run's result, its removal left to go on").isInstanceOf(RunResult.class);
        assertThat(((RunResult) outcome).exitCode()).isZero();
    }

    @Test
    void aHeldPullEndsAtThePullTimeout() throws Exception {
        String image = TestEngines.require(TestEngines.REGISTRY) + "/" + TestEngines.image();
        Throwable t = runThrough("POST /images/create", RunOptions.builder(image).command("true")
                .pullPolicy(PullPolicy.ALWAYS).pullTimeout(RUN_TIMEOUT).build());
        assertThat(t).isInstanceOf(DockerGpuException.class).hasMessageContaining("took longer than");
    }

    @Test
    void aHeldInfoEndsTheConnectAtTheRequestTimeout() throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        try (StallingEngine proxy = StallingEngine.start(host, "GET /info"::equals)) {
            Throwable t = bounded(() -> {
                try (DockerGpu docker = DockerGpu.connect(options(proxy, null))) {
                    return docker;
                }
            });
            assertThat(t).isInstanceOf(DockerUnavailableException.class);
            assertThat(((DockerUnavailableException) t).kind()).isEqualTo(DockerUnavailableException.Kind.TIMED_OUT);
            assertThat(proxy.stalledCount()).isEqualTo(1);
        }
    }

    private static ConnectOptions options(StallingEngine proxy, RunOptions run) {
        return ConnectOptions.builder().dockerHost(proxy.host())
                .requestTimeout(run != null && run.timeout().isPresent() ? LONG_REQUEST_TIMEOUT : REQUEST_TIMEOUT)
                .removeLeftovers(false).build();
    }

    /** The run's failure through a proxy holding {@code held}; then the engine recovers and nothing is left. */
    private static Throwable runThrough(String held, RunOptions run) throws Exception {
        Object outcome = outcomeThrough(held, run);
        assertThat(outcome).as("the run must fail").isInstanceOf(Throwable.class);
        return (Throwable) outcome;
    }

    private static Object outcomeThrough(String held, RunOptions run) throws Exception {
        String host = TestEngines.require(TestEngines.ENGINE20);
        Predicate<String> rule = glob(held);
        Object outcome;
        try (StallingEngine proxy = StallingEngine.start(host, rule)) {
            try (DockerGpu docker = DockerGpu.connect(options(proxy, run))) {
                outcome = outcome(() -> docker.run(run));
                assertThat(proxy.stalledCount()).as("the proxy held " + held).isPositive();
                proxy.release();
            }
            awaitNoneLeft(host);
        }
        return outcome;
    }

    /** {@code *} matches one path segment. */
    private static Predicate<String> glob(String pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(pattern)
                .replace("*", "\\E[^/]+\\Q"));
        return r -> p.matcher(r).matches();
    }

    private static Throwable bounded(Supplier<?> call) throws Exception {
        Object o = outcome(call);
        assertThat(o).isInstanceOf(Throwable.class);
        return (Throwable) o;
    }

    /** The call's result or failure; a call still going after the hang guard fails the test. */
    private static Object outcome(Supplier<?> call) throws Exception {
        CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return e;
            }
        });
        return f.get(HANG_GUARD_S, TimeUnit.SECONDS);
    }

    private static void awaitNoneLeft(String host) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!TestEngines.containersOfThisJvm(host).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        TestEngines.assertNoManagedContainers(host);
    }
}
