package io.github.gpuenv.internal.probe;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.ProbeAttempt;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.internal.Nanos;
import io.github.gpuenv.internal.fixture.FixtureRoot;
import io.github.gpuenv.internal.fixture.LiveProbeAnswers;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fact chains: different facts concurrently, the probes of one fact in order, each probe on its own daemon
 * thread under the probe timeout, everything under the overall deadline. A probe that hangs is abandoned (its
 * thread is a daemon and is interrupted); a probe that throws becomes {@code probe-error}. Never throws for
 * anything a probe does. Holds no state between runs.
 *
 * <p>Under a fixture root ({@link FixtureRoot}) a probe that reads the live machine beyond the seams is not run: the
 * capture's recorded answer stands in for it, or {@code skipped}. Everywhere, a probe that ends unknown after one of
 * its commands was not run ({@code NOT_RUN}) is reported {@code skipped}, with that command and why.
 */
public final class DetectionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionRunner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final List<Reason> WEAK_REASONS = List.of(Reason.NOT_FOUND, Reason.NOT_APPLICABLE, Reason.SKIPPED);

    private final ProbeContext context;
    private final Duration probeTimeout;
    private final Duration deadline;
    private final List<ProbeAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final Optional<FixtureRoot> fixture;
    private final LiveProbeAnswers recorded;

    public DetectionRunner(ProbeContext context) {
        this.context = context;
        this.probeTimeout = context.options().probeTimeout();
        this.deadline = context.options().deadline();
        this.fixture = FixtureRoot.of(context.files());
        this.recorded = fixture.map(FixtureRoot::answers).orElse(null);
    }

    /** Every attempt made so far, in the order they finished. */
    public List<ProbeAttempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /**
     * Runs all chains and returns each fact by name. Facts whose chain did not finish by the deadline are unknown
     * with {@code timed-out}. If the calling thread is interrupted, unfinished facts are unknown and the
     * interrupt flag stays set.
     */
    public Map<String, Fact<?>> run(List<FactChain<?>> chains) {
        long deadlineNanos = Nanos.after(System.nanoTime(), deadline);
        Map<String, CompletableFuture<Fact<?>>> running = new LinkedHashMap<>();
        for (FactChain<?> chain : chains) {
            running.put(chain.fact(), startDaemon("gpuenv-fact-" + chain.fact(), () -> runChain(chain, deadlineNanos)));
        }
        Map<String, Fact<?>> facts = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Fact<?>>> entry : running.entrySet()) {
            facts.put(entry.getKey(), await(entry.getValue(), deadlineNanos,
                    "detection deadline of " + deadline.toMillis() + " ms passed"));
        }
        return facts;
    }

    private <T> Fact<?> runChain(FactChain<T> chain, long deadlineNanos) {
        if (chain.probes().isEmpty()) {
            return chain.whenEmpty();
        }
        List<Fact.Unknown<T>> misses = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (Probe<T> probe : chain.probes()) {
            if (context.options().skips(probe.id()) || context.options().skips(chain.fact() + "." + probe.id())) {
                record(chain.fact(), probe.id(), Reason.SKIPPED.id(), "skipped by option", Duration.ZERO);
                misses.add(new Fact.Unknown<>(Reason.SKIPPED, probe.id() + " skipped by option"));
                tried.add(probe.id() + " (skipped)");
                continue;
            }
            Fact<T> result = fixture.isPresent() && probe.readsLiveMachine() ? recordedAnswer(chain.fact(), probe)
                    : attempt(chain.fact(), probe, deadlineNanos);
            if (result instanceof Fact.Known<T>) {
                return result;
            }
            Fact.Unknown<T> miss = (Fact.Unknown<T>) result;
            misses.add(miss);
            tried.add(probe.id() + " (" + miss.reason().id() + ")");
            if (System.nanoTime() >= deadlineNanos || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        Fact.Unknown<T> chosen = mostTelling(misses);
        String detail = chosen.detail();
        if (tried.size() > 1) {
            detail = detail + " [tried: " + String.join(", ", tried) + "]";
        }
        return Fact.unknown(chosen.reason(), detail);
    }

    /** A real failure (timeout, permission, bad output) says more than "not found", which says more than "n/a". */
    private static <T> Fact.Unknown<T> mostTelling(List<Fact.Unknown<T>> misses) {
        for (Fact.Unknown<T> miss : misses) {
            if (!WEAK_REASONS.contains(miss.reason())) {
                return miss;
            }
        }
        for (Reason weak : WEAK_REASONS) {
            for (Fact.Unknown<T> miss : misses) {
                if (miss.reason() == weak) {
                    return miss;
                }
            }
        }
        return misses.get(0);
    }

    /** Under a fixture root, what a probe that reads the live machine answers instead of running. */
    @SuppressWarnings("unchecked")
    private <T> Fact<T> recordedAnswer(String fact, Probe<T> probe) {
        long start = System.nanoTime();
        Fact<T> result = (Fact<T>) fixture.orElseThrow().answer(recorded, fact, probe.id());
        record(fact, probe.id(), result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    @SuppressWarnings("unchecked")
    private <T> Fact<T> attempt(String fact, Probe<T> probe, long deadlineNanos) {
        long start = System.nanoTime();
        long limit = Math.min(Nanos.after(start, probeTimeout), deadlineNanos);
        NotRunWatch commands = new NotRunWatch(context.commands());
        ProbeContext watched = new ProbeContext(context.files(), commands, context.environment(), context.options());
        CompletableFuture<Fact<?>> future = startDaemon("gpuenv-probe-" + probe.id(), () -> {
            try {
                Fact<T> f = probe.probe(watched);
                return f == null ? Fact.unknown(Reason.PROBE_ERROR, probe.id() + " returned nothing") : f;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fact.unknown(Reason.TIMED_OUT, probe.id() + " interrupted");
            } catch (Exception | LinkageError | AssertionError e) {
                return Fact.unknown(Reason.PROBE_ERROR, probe.id() + " failed: " + e);
            }
        });
        Fact<T> result = (Fact<T>) awaitUntil(future, limit,
                probe.id() + " did not answer within " + Math.max(0, (limit - start) / 1_000_000) + " ms");
        if (result instanceof Fact.Unknown<T> u && u.reason() != Reason.SKIPPED && commands.notRun().isPresent()) {
            result = Fact.unknown(Reason.SKIPPED, commands.notRun().get());
        }
        record(fact, probe.id(), result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private void record(String fact, String probe, Fact<?> result, Duration elapsed) {
        String outcome = result instanceof Fact.Unknown<?> u ? u.reason().id() : "known";
        String detail = result instanceof Fact.Unknown<?> u ? u.detail() : "";
        record(fact, probe, outcome, detail, elapsed);
    }

    private void record(String fact, String probe, String outcome, String detail, Duration elapsed) {
        LOG.debug("probe {}/{}: {} {} ({} ms)", fact, probe, outcome, detail, elapsed.toMillis());
        attempts.add(new ProbeAttempt(fact, probe, outcome, detail, elapsed));
    }

    private static Fact<?> await(CompletableFuture<Fact<?>> future, long deadlineNanos, String timeoutDetail) {
        return awaitUntil(future, deadlineNanos, timeoutDetail);
    }

    private static Fact<?> awaitUntil(CompletableFuture<Fact<?>> future, long untilNanos, String timeoutDetail) {
        try {
            long now = System.nanoTime();
            long wait = untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, untilNanos - now);
            return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Fact.unknown(Reason.TIMED_OUT, timeoutDetail);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Fact.unknown(Reason.TIMED_OUT, "detection was interrupted");
        } catch (ExecutionException e) {
            return Fact.unknown(Reason.PROBE_ERROR, String.valueOf(e.getCause()));
        }
    }

    private static CompletableFuture<Fact<?>> startDaemon(String name, java.util.function.Supplier<Fact<?>> work) {
        CompletableFuture<Fact<?>> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.complete(Fact.unknown(Reason.PROBE_ERROR, String.valueOf(t)));
            }
        }, name + "-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        future.whenComplete((f, t) -> {
            if (future.isCancelled()) {
                thread.interrupt();
            }
        });
        thread.start();
        return future;
    }
}
