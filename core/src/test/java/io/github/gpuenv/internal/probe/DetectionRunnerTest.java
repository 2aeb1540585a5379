package io.github.gpuenv.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.ProbeAttempt;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DetectionRunnerTest {

    private static DetectionRunner runner(Duration probeTimeout, Duration deadline, String... skipped) {
        DetectOptions.Builder b = DetectOptions.builder(Environment.of(Map.of(), new Properties()))
                .root(Path.of("/nonexistent-root")).commandRunner(new FakeCommandRunner())
                .probeTimeout(probeTimeout).deadline(deadline);
        for (String s : skipped) {
            b.skipProbe(s);
        }
        DetectOptions options = b.build();
        return new DetectionRunner(new ProbeContext(options.files(), options.commandRunner(), options.environment(),
                options));
    }

    private static Probe<String> hanging(String id, CountDownLatch interrupted) {
        return Probe.of(id, ctx -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Fact.known("never", id);
        });
    }

    @Test
    void firstKnownProbeWinsAndLaterProbesDoNotRun() {
        AtomicBoolean thirdRan = new AtomicBoolean();
        FactChain<String> chain = FactChain.of("thing",
                Probe.of("a", ctx -> Fact.unknown(Reason.NOT_FOUND, "no a")),
                Probe.of("b", ctx -> Fact.known("from-b", "b")),
                Probe.of("c", ctx -> {
                    thirdRan.set(true);
                    return Fact.known("from-c", "c");
                }));
        DetectionRunner runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(5));

        Fact<?> fact = runner.run(List.of(chain)).get("thing");

        assertThat(fact).isEqualTo(Fact.known("from-b", "b"));
        assertThat(thirdRan).isFalse();
        assertThat(runner.attempts()).extracting(ProbeAttempt::probe, ProbeAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "not-found"),
                        org.assertj.core.groups.Tuple.tuple("b", "known"));
    }

    @Test
    void hungProbeCostsItsTimeoutIsInterruptedAndTheNextProbeRuns() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        FactChain<String> chain = FactChain.of("thing", hanging("hang", interrupted),
                Probe.of("fallback", ctx -> Fact.known("ok", "fallback")));
        DetectionRunner runner = runner(Duration.ofMillis(200), Duration.ofSeconds(30));

        Fact<?> fact = runner.run(List.of(chain)).get("thing");

        assertThat(fact).isEqualTo(Fact.known("ok", "fallback"));
        assertThat(runner.attempts().get(0).outcome()).isEqualTo("timed-out");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("hung probe thread interrupted").isTrue();
    }

    @Test
    void deadlineMakesUnfinishedFactsTimedOutWhileOthersKeepTheirValue() {
        CountDownLatch interrupted = new CountDownLatch(1);
        FactChain<String> slow = FactChain.of("slow", hanging("hang", interrupted));
        FactChain<String> quick = FactChain.of("quick", Probe.of("q", ctx -> Fact.known("yes", "q")));
        DetectionRunner runner = runner(Duration.ofSeconds(60), Duration.ofMillis(300));

        Map<String, Fact<?>> facts = runner.run(List.of(slow, quick));

        assertThat(facts.get("quick")).isEqualTo(Fact.known("yes", "q"));
        assertThat(facts.get("slow").unknownReason()).contains(Reason.TIMED_OUT);
    }

    @Test
    void throwingProbeBecomesProbeErrorAndDoesNotStopTheChain() {
        FactChain<String> chain = FactChain.of("thing",
                Probe.of("boom", ctx -> {
                    throw new IllegalStateException("kaput");
                }),
                Probe.of("linkage", ctx -> {
                    throw new UnsatisfiedLinkError("no lib");
                }));
        DetectionRunner runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(5));

        Fact<?> fact = runner.run(List.of(chain)).get("thing");

        assertThat(fact.unknownReason()).contains(Reason.PROBE_ERROR);
        assertThat(((Fact.Unknown<?>) fact).detail()).contains("kaput").contains("tried: boom (probe-error), linkage (probe-error)");
    }

    @Test
    void nullResultIsAProbeError() {
        FactChain<String> chain = FactChain.of("thing", Probe.of("null", ctx -> null));
        assertThat(runner(Duration.ofSeconds(2), Duration.ofSeconds(5)).run(List.of(chain)).get("thing").unknownReason())
                .contains(Reason.PROBE_ERROR);
    }

    @Test
    void mostTellingReasonWinsOverNotFound() {
        FactChain<String> chain = FactChain.of("thing",
                Probe.of("a", ctx -> Fact.unknown(Reason.NOT_FOUND, "no library")),
                Probe.of("b", ctx -> Fact.unknown(Reason.PERMISSION_DENIED, "EACCES")),
                Probe.of("c", ctx -> Fact.unknown(Reason.NOT_APPLICABLE, "n/a")));
        Fact<?> fact = runner(Duration.ofSeconds(2), Duration.ofSeconds(5)).run(List.of(chain)).get("thing");
        assertThat(fact.unknownReason()).contains(Reason.PERMISSION_DENIED);
    }

    @Test
    void notFoundBeatsNotApplicableWhenNothingElseFailed() {
        FactChain<String> chain = FactChain.of("thing",
                Probe.of("a", ctx -> Fact.unknown(Reason.NOT_APPLICABLE, "n/a")),
                Probe.of("b", ctx -> Fact.unknown(Reason.NOT_FOUND, "none")));
        Fact<?> fact = runner(Duration.ofSeconds(2), Duration.ofSeconds(5)).run(List.of(chain)).get("thing");
        assertThat(fact.unknownReason()).contains(Reason.NOT_FOUND);
    }

    @Test
    void skippedProbeIsRecordedAndNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        FactChain<String> chain = FactChain.of("thing",
                Probe.of("nvml", ctx -> {
                    ran.set(true);
                    return Fact.known("x", "nvml");
                }),
                Probe.of("procfs", ctx -> Fact.known("y", "procfs")));
        DetectionRunner runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(5), "nvml");

        assertThat(runner.run(List.of(chain)).get("thing")).isEqualTo(Fact.known("y", "procfs"));
        assertThat(ran).isFalse();
        assertThat(runner.attempts().get(0).outcome()).isEqualTo("skipped");
    }

    @Test
    void aFactQualifiedSkipLeavesTheSameProbeIdOfOtherFactsAlone() {
        FactChain<String> nvidia = FactChain.of("nvidia", Probe.of("procfs", ctx -> Fact.known("gpu", "procfs")));
        FactChain<String> wsl = FactChain.of("wsl", Probe.of("procfs", ctx -> Fact.known("outside", "procfs")));
        Map<String, Fact<?>> facts = runner(Duration.ofSeconds(2), Duration.ofSeconds(5), "nvidia.procfs")
                .run(List.of(nvidia, wsl));
        assertThat(facts.get("nvidia").unknownReason()).contains(Reason.SKIPPED);
        assertThat(facts.get("wsl")).isEqualTo(Fact.known("outside", "procfs"));
    }

    @Test
    void chainWithoutProbesGivesItsDefault() {
        FactChain<String> chain = new FactChain<>("docker", List.of(), Fact.unknown(Reason.MODULE_ABSENT, "add it"));
        assertThat(runner(Duration.ofSeconds(2), Duration.ofSeconds(5)).run(List.of(chain)).get("docker"))
                .isEqualTo(Fact.unknown(Reason.MODULE_ABSENT, "add it"));
    }

    @Test
    void interruptedCallerGetsUnknownFactsAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        FactChain<String> chain = FactChain.of("slow", hanging("hang", interrupted));
        DetectionRunner runner = runner(Duration.ofSeconds(60), Duration.ofSeconds(60));
        AtomicReference<Fact<?>> result = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(runner.run(List.of(chain)).get("slow"));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        while (runner.attempts().isEmpty() && caller.getState() != Thread.State.WAITING
                && caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(result.get().unknownReason()).contains(Reason.TIMED_OUT);
        assertThat(flagKept).isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
