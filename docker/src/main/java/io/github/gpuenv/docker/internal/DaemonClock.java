package io.github.gpuenv.docker.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The engine's clock as this process sees it: the daemon's {@code SystemTime} from {@code GET /info} at connect,
 * advanced by this process's monotonic clock. Leases are written and judged in daemon time, so processes on hosts
 * whose clocks disagree (a remote {@code DOCKER_HOST}) still agree on when a lease ends, and a wall-clock jump here
 * after connect changes nothing.
 *
 * <p>{@code DaemonClock clock = DaemonClock.fromSystemTime(info.systemTime()); Instant now = clock.now();}
 */
public final class DaemonClock {

    private final Instant atStart;
    private final long nanoAtStart;

    private DaemonClock(Instant atStart, long nanoAtStart) {
        this.atStart = atStart;
        this.nanoAtStart = nanoAtStart;
    }

    /**
     * From the daemon's RFC 3339 {@code SystemTime} (e.g. {@code "2026-12-02T11:45:01.123456789Z"}); where it is
     * empty or malformed, this process's clock stands in.
     */
    public static DaemonClock fromSystemTime(String systemTime) {
        long nanos = System.nanoTime();
        Instant daemon;
        try {
            daemon = OffsetDateTime.parse(systemTime == null ? "" : systemTime.strip()).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            daemon = Instant.now();
        }
        return new DaemonClock(daemon, nanos);
    }

    /** This process's clock (where no daemon time is known, and in tests). */
    public static DaemonClock local() {
        return new DaemonClock(Instant.now(), System.nanoTime());
    }

    /** The daemon's time now. */
    public Instant now() {
        return atStart.plus(Duration.ofNanos(System.nanoTime() - nanoAtStart));
    }
}
