package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NVML for the whole process, as NVML itself is: a library is loaded and {@code nvmlInit_v2}-ed once, then reused
 * by later detections (so a warm {@code detect()} costs only the queries), and every use is serialised by one lock.
 * Nothing sticky: a failure to load or initialise is not remembered (the next detection tries again), and a session
 * whose query fails is shut down and forgotten, then tried once more from a fresh {@code nvmlInit_v2}.
 * A call that never returns keeps the lock; later detections then wait at most their probe timeout for it and report
 * {@code timed-out}. No shutdown hook: the process's exit releases NVML.
 *
 * <p>{@code Fact<NvidiaDriver> f = NvmlSessions.PROCESS.query(candidates, timeout, n -> new NvmlDeviceReader(n).read());}
 */
final class NvmlSessions {

    /** The process-wide sessions, loading libraries with JNA. */
    static final NvmlSessions PROCESS = new NvmlSessions(NvmlSessions::loadWithJna);

    private static final Logger LOG = LoggerFactory.getLogger(NvmlSessions.class);
    private static final int MAX_DETAIL = 300;

    /** Loads a library; throws {@link UnsatisfiedLinkError} (or another {@link LinkageError}) when it cannot. */
    @FunctionalInterface
    interface Loader {
        NvmlLibrary load(String library);
    }

    private record Session(String library, NvmlLibrary nvml) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Loader loader;
    private Session current; // guarded by lock

    NvmlSessions(Loader loader) {
        this.loader = loader;
    }

    /**
     * Runs {@code query} on the first candidate that loads and initialises, reusing a live session of it. Returns the
     * query's known fact, or the most telling miss of all candidates (any reason but {@code not-found} first).
     */
    <T> Fact<T> query(List<NvmlCandidate> candidates, Duration wait, Function<NvmlLibrary, Fact<T>> query)
            throws InterruptedException {
        if (candidates.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "no NVML library to try");
        }
        if (!lock.tryLock(io.github.gpuenv.internal.Nanos.of(wait), TimeUnit.NANOSECONDS)) {
            return Fact.unknown(Reason.TIMED_OUT, "an earlier NVML call has not returned after "
                    + wait.toMillis() + " ms (a hung driver; see nvidia-persistenced)");
        }
        try {
            List<ProbeMiss> misses = new ArrayList<>();
            for (NvmlCandidate candidate : candidates) {
                Optional<Fact<T>> fact = tryCandidate(candidate, query, misses);
                if (fact.isPresent()) {
                    return fact.get();
                }
            }
            return mostTelling(misses).toFact();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a session is open (initialised and not shut down); for tests and diagnostics. */
    boolean isOpen() {
        lock.lock();
        try {
            return current != null;
        } finally {
            lock.unlock();
        }
    }

    /** Shuts the open session down, if any; the next query starts afresh. */
    void close() {
        lock.lock();
        try {
            forget();
        } finally {
            lock.unlock();
        }
    }

    /** The known fact from {@code candidate}, or empty with the reason added to {@code misses}. */
    private <T> Optional<Fact<T>> tryCandidate(NvmlCandidate candidate, Function<NvmlLibrary, Fact<T>> query,
                                               List<ProbeMiss> misses) {
        if (current != null && current.library().equals(candidate.library())) {
            Fact<T> warm = run(query, current.nvml());
            if (warm.isKnown()) {
                return Optional.of(warm);
            }
            LOG.debug("NVML session of {} failed ({}); initialising again", candidate.library(), warm.describe());
            forget();
        }
        NvmlLibrary nvml;
        try {
            nvml = loader.load(candidate.library());
        } catch (LinkageError | RuntimeException e) {
            misses.add(new ProbeMiss(Reason.NOT_FOUND, "could not load " + candidate.describe() + ": "
                    + shorten(String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
        int rc = NvmlDeviceReader.call(nvml::nvmlInit_v2);
        if (rc != NvmlReturn.SUCCESS) {
            String detail = rc == NvmlReturn.FUNCTION_NOT_FOUND
                    ? candidate.describe() + " is not an NVML library (it has no nvmlInit_v2)"
                    : NvmlReturn.describe("nvmlInit_v2 of " + candidate.describe(), rc, errorString(nvml, rc));
            misses.add(new ProbeMiss(NvmlReturn.reason(rc), detail));
            return Optional.empty();
        }
        forget();
        current = new Session(candidate.library(), nvml);
        Fact<T> fact = run(query, nvml);
        if (fact instanceof Fact.Unknown<T> miss) {
            misses.add(new ProbeMiss(miss.reason(), miss.detail() + " [" + candidate.describe() + "]"));
            forget();
            return Optional.empty();
        }
        return Optional.of(fact);
    }

    /** Runs the query; if it throws, the session is dropped before the exception goes on to the runner. */
    private <T> Fact<T> run(Function<NvmlLibrary, Fact<T>> query, NvmlLibrary nvml) {
        try {
            return query.apply(nvml);
        } catch (RuntimeException | Error e) {
            forget();
            throw e;
        }
    }

    /** Shuts the current session down (errors ignored: it is being dropped) and forgets it. */
    private void forget() {
        if (current != null) {
            NvmlLibrary nvml = current.nvml();
            current = null;
            NvmlDeviceReader.call(nvml::nvmlShutdown);
        }
    }

    private static ProbeMiss mostTelling(List<ProbeMiss> misses) {
        return misses.stream().filter(m -> m.reason() != Reason.NOT_FOUND).findFirst().orElseGet(() ->
                new ProbeMiss(Reason.NOT_FOUND, String.join("; ", misses.stream().map(ProbeMiss::detail).toList())));
    }

    private static String errorString(NvmlLibrary nvml, int rc) {
        try {
            return nvml.nvmlErrorString(rc);
        } catch (LinkageError | RuntimeException e) {
            return "";
        }
    }

    /**
     * JNA's load error on one line, without its resource-path search and without the dlopen message repeated once
     * per path it tried: {@code "Unable to load library 'libnvidia-ml.so.1': libnvidia-ml.so.1: cannot open shared
     * object file: No such file or directory"}.
     */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        int resourcePath = oneLine.indexOf(" Native library (");
        if (resourcePath > 0) {
            oneLine = oneLine.substring(0, resourcePath);
        }
        int quoted = oneLine.indexOf("': ");
        if (quoted > 0) {
            String reason = oneLine.substring(quoted + 3);
            String start = reason.substring(0, Math.min(24, reason.length()));
            int repeat = start.isEmpty() ? -1 : reason.indexOf(start, 1);
            if (repeat > 0) {
                oneLine = oneLine.substring(0, quoted + 3) + reason.substring(0, repeat).strip();
            }
        }
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine;
    }

    private static NvmlLibrary loadWithJna(String library) {
        return new JnaNvmlLibrary(library);
    }
}
