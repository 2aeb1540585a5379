package io.github.gpuenv.docker.internal;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.docker.internal.PreflightHostScope.HostScope;
import io.github.gpuenv.docker.internal.PreflightHostScope.Trust;
import io.github.gpuenv.internal.KernelRelease;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facts preflight judges by, per {@code DockerGpu}: the engine's host ({@code GET /info}), whether this
 * process's NVIDIA facts are that host's ({@link PreflightHostScope}), and those facts ({@code GpuEnv.nvidia}, NVML
 * first). Detected lazily — the first run that asks for GPUs starts it on a daemon thread while its image is looked
 * at — and kept {@link #MAX_AGE}; an older answer is still used while a new one is detected in the background, so a
 * warm run never waits for detection. A run waits at most {@link #WAIT} for a first answer; when none came, its
 * preflight judges nothing by them (never a refusal from facts not known). Safe for many threads.
 *
 * <p>{@code PreflightFacts facts = new PreflightFacts(() -> connection.get("/info").body(), endpoint, false, options, false);
 * facts.prefetch(); ... Optional<HostFacts> f = facts.get(Duration.ofSeconds(5));}
 */
public final class PreflightFacts {

    /** How long an answer is current. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** The most a run waits for a first answer. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PreflightFacts.class);
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+([0-9]{1,15})\\s+kB\\s*$");

    private final Supplier<byte[]> engineInfo;
    private final String endpoint;
    private final boolean dockerDesktop;
    private final DetectOptions options;
    private final boolean vouched;
    private final Duration maxAge;
    private CompletableFuture<HostFacts> current;
    private long detectedAt;
    private CompletableFuture<HostFacts> refreshing;

    /**
     * @param engineInfo one raw {@code GET /info} body of the engine (called on the detection thread)
     * @param endpoint the engine's endpoint
     * @param dockerDesktop whether the engine is Docker Desktop
     * @param options how the NVIDIA facts are detected
     * @param vouched whether they are the engine host's by the caller's word
     */
    public PreflightFacts(Supplier<byte[]> engineInfo, String endpoint, boolean dockerDesktop, DetectOptions options,
                          boolean vouched) {
        this(engineInfo, endpoint, dockerDesktop, options, vouched, MAX_AGE);
    }

    /** As the public constructor, with answers current for {@code maxAge} (tests). */
    PreflightFacts(Supplier<byte[]> engineInfo, String endpoint, boolean dockerDesktop, DetectOptions options,
                   boolean vouched, Duration maxAge) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.engineInfo = Objects.requireNonNull(engineInfo, "engineInfo");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.dockerDesktop = dockerDesktop;
        this.options = Objects.requireNonNull(options, "options");
        this.vouched = vouched;
    }

    /**
     * What preflight knows of the engine's host.
     *
     * @param engine the engine's host from its {@code /info}
     * @param scope how far {@code nvidia} describes it
     * @param nvidia the NVIDIA driver and GPUs detected (unknown, with the reason, when not detected)
     */
    public record HostFacts(PreflightEngineHost engine, HostScope scope, Fact<NvidiaDriver> nvidia) {
        public HostFacts {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nvidia, "nvidia");
        }
    }

    /** Starts a detection when there is no current answer (or it is older than {@link #MAX_AGE}); returns at once. */
    public void prefetch() {
        future();
    }

    /**
     * The current answer, waiting at most {@code limit} (at most {@link #WAIT}) for a first one; empty when none
     * came in time.
     *
     * @throws InterruptedException when the caller is interrupted while waiting
     */
    public java.util.Optional<HostFacts> get(Duration limit) throws InterruptedException {
        CompletableFuture<HostFacts> answer = future();
        Duration wait = limit.compareTo(WAIT) < 0 ? limit : WAIT;
        try {
            return java.util.Optional.of(answer.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            LOG.debug("preflight: the engine host's facts were not detected within {}", wait);
            return java.util.Optional.empty();
        } catch (ExecutionException e) {
            LOG.debug("preflight: detecting the engine host's facts failed", e.getCause());
            return java.util.Optional.empty();
        }
    }

    /** The current answer if one has been detected; never waits and starts nothing. */
    public synchronized java.util.Optional<HostFacts> peek() {
        return current != null && current.isDone() && !current.isCompletedExceptionally()
                ? java.util.Optional.of(current.join()) : java.util.Optional.empty();
    }

    private synchronized CompletableFuture<HostFacts> future() {
        long now = System.nanoTime();
        if (current == null) {
            current = start();
            detectedAt = now;
        } else if (now - detectedAt > maxAge.toNanos() && refreshing == null) {
            CompletableFuture<HostFacts> next = start();
            refreshing = next;
            next.whenComplete((facts, failure) -> {
                synchronized (this) {
                    if (failure == null || current.isCompletedExceptionally()) {
                        current = next;
                    }
                    detectedAt = System.nanoTime();
                    refreshing = null;
                }
            });
        }
        return current;
    }

    private CompletableFuture<HostFacts> start() {
        CompletableFuture<HostFacts> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                answer.complete(detect());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }, "gpuenv-preflight-facts");
        t.setDaemon(true);
        t.start();
        return answer;
    }

    /** One detection: the engine's {@code /info}, the host comparison, then (when they count) the NVIDIA facts. */
    HostFacts detect() {
        long t0 = System.nanoTime();
        byte[] info;
        try {
            info = engineInfo.get();
        } catch (RuntimeException e) {
            LOG.debug("preflight: GET /info failed: {}", e.toString());
            info = new byte[0];
        }
        PreflightEngineHost engine = PreflightEngineHost.parse(endpoint, dockerDesktop, info);
        HostScope scope = PreflightHostScope.decide(vouched, engine,
                () -> KernelRelease.read(options.files()).orElse(null), () -> memTotalBytes(options),
                () -> GpuEnv.container(options));
        Fact<NvidiaDriver> nvidia = scope.trust() == Trust.NONE
                ? Fact.unknown(Reason.NOT_APPLICABLE, scope.reason())
                : GpuEnv.nvidia(options);
        LOG.debug("preflight facts in {} ms: {}; nvidia {}", (System.nanoTime() - t0) / 1_000_000, scope.reason(),
                nvidia.describe());
        return new HostFacts(engine, scope, nvidia);
    }

    /** This machine's {@code MemTotal} in bytes ({@code /proc/meminfo}); null when it cannot be read. */
    static Long memTotalBytes(DetectOptions options) {
        return options.files().read("/proc/meminfo", 64 * 1024)
                .map(b -> new String(b, StandardCharsets.UTF_8)).map(MEM_TOTAL::matcher).filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1)) * 1024).orElse(null);
    }
}
