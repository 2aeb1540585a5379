package io.github.gpuenv.docker.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a sweep may remove a container: only when it is provably gpuenv's and provably abandoned. It never guesses
 * from a container's state (an exited container may be about to have its logs read by a live owner) and never
 * removes what it cannot judge. In order:
 * <ol>
 *   <li>{@link ManagedLabels#OUTLIVE}{@code =true} (started to outlive its session): kept, always — its owner
 *       asked for it, and only an explicit {@code close()} or {@code docker rm} removes it.</li>
 *   <li>No {@link ManagedLabels#SESSION}, or an {@link ManagedLabels#OWNER} that {@link OwnerId#parse} cannot read
 *       (an older gpuenv, a hand-made label): kept.</li>
 *   <li>Made by this copy of gpuenv in this process: removed when its session is closed, or open and not running
 *       that run (the run ended and its removal failed); kept while the run is in progress. Runs are registered
 *       before their create is sent, so a container between create and start is never mistaken.</li>
 *   <li>Made by another copy of gpuenv in this same process (another class loader): that process is alive, so the
 *       container is removed only when its session's lease has expired (a session renews it while it runs
 *       containers; this process cannot be frozen while it sweeps).</li>
 *   <li>Made by another process in this PID namespace on this boot: removed when that process has ended (pid gone,
 *       or reused by a process of another start time); kept while it runs.</li>
 *   <li>Anything else (a sibling container's process, another host): removed when its session's lease has expired
 *       by the daemon's clock; kept while the lease is current, and kept when no lease is found.</li>
 * </ol>
 *
 * <p>{@code Verdict v = LeftoverRule.judge(labels, world); if (v.remove()) ...}
 */
public final class LeftoverRule {

    private LeftoverRule() {
    }

    /** What a sweep knows besides the container's labels. */
    public interface World {
        /** This process and copy of gpuenv. */
        OwnerId self();

        /**
         * For a session of this copy of gpuenv that is open: whether it is running {@code runId}; empty when no
         * open session of this copy has that id.
         */
        Optional<Boolean> openSessionRuns(String sessionId, String runId);

        /** Whether {@code owner} (checkable from here) is alive. */
        boolean isAlive(OwnerId owner);

        /** When {@code sessionId}'s newest lease ends, by the daemon's clock; empty when it has none. */
        Optional<Instant> leaseExpiry(String sessionId);

        /** The daemon's time now. */
        Instant now();
    }

    /**
     * A decision and why, in words for a DEBUG line.
     *
     * @param remove whether the container may be removed
     * @param why the evidence
     */
    public record Verdict(boolean remove, String why) {
        static Verdict remove(String why) {
            return new Verdict(true, why);
        }

        static Verdict keep(String why) {
            return new Verdict(false, why);
        }
    }

    /** Judges one container by its labels. */
    public static Verdict judge(Map<String, String> labels, World world) {
        if ("true".equals(labels.get(ManagedLabels.OUTLIVE))) {
            return Verdict.keep("started to outlive its session (" + ManagedLabels.OUTLIVE + "=true): only its"
                    + " owner's close() or docker rm removes it");
        }
        String session = labels.get(ManagedLabels.SESSION);
        String runId = labels.getOrDefault(ManagedLabels.RUN_ID, "");
        Optional<OwnerId> owner = OwnerId.parse(labels.get(ManagedLabels.OWNER));
        if (session == null || session.isEmpty() || owner.isEmpty()) {
            return Verdict.keep("no session or owner this gpuenv can read: its owner cannot be proven gone");
        }
        OwnerId self = world.self();
        OwnerId by = owner.get();
        if (by.equals(self)) {
            return world.openSessionRuns(session, runId)
                    .map(runs -> runs ? Verdict.keep("its run is in progress in this process")
                            : Verdict.remove("its session in this process has no such run in progress"))
                    .orElseGet(() -> Verdict.remove("its session in this process was closed"));
        }
        if (by.sameProcessAs(self)) {
            return byLease(session, world, "another copy of gpuenv in this process");
        }
        if (by.checkableFrom(self)) {
            return world.isAlive(by) ? Verdict.keep("its owner process " + by.pid() + " is running")
                    : Verdict.remove("its owner process " + by.pid() + " has ended");
        }
        return byLease(session, world, "a process this one cannot see");
    }

    private static Verdict byLease(String session, World world, String whose) {
        Optional<Instant> expiry = world.leaseExpiry(session);
        if (expiry.isEmpty()) {
            return Verdict.keep("made by " + whose + ", whose session has no lease: cannot be proven abandoned");
        }
        return world.now().isAfter(expiry.get())
                ? Verdict.remove("made by " + whose + ", whose session's lease expired at " + expiry.get())
                : Verdict.keep("made by " + whose + ", whose session's lease runs until " + expiry.get());
    }
}
