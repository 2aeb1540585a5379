package io.github.gpuenv.docker.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one engine request on its own thread, so that its caller can stop waiting — at a run's deadline, or when
 * interrupted — while the request itself goes on until the engine answers or the control transport's timeout ends
 * it. The caller decides what a late answer means (a container created after its run gave up is removed).
 *
 * <p>{@code CompletableFuture<String> answer = BoundedRequest.send(() -> create.exec().getId());}
 */
public final class BoundedRequest {

    /** Daemon threads; idle ones end after a minute. */
    private static final ExecutorService REQUESTS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "gpuenv-docker-request");
                t.setDaemon(true);
                return t;
            });

    private BoundedRequest() {
    }

    /** Starts {@code request}. */
    public static <T> CompletableFuture<T> send(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, REQUESTS);
    }

    /**
     * Waits for the answer, at most {@code limit} (empty: without limit).
     *
     * @throws TimeoutException when no answer came in time (the request goes on)
     * @throws InterruptedException when the caller is interrupted (the request goes on)
     * @throws RuntimeException the request's own failure, unwrapped
     */
    public static <T> T await(CompletableFuture<T> answer, Optional<Duration> limit)
            throws TimeoutException, InterruptedException {
        try {
            return limit.isEmpty() ? answer.get() : answer.get(limit.get().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException r ? r : new RuntimeException(cause);
        }
    }
}
