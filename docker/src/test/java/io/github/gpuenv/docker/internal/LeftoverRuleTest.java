package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every branch of {@link LeftoverRule}: what may be removed, and what must be kept. */
class LeftoverRuleTest {

    private static final OwnerId SELF = new OwnerId("boot-1", "4026531836", 100, 5_000, "loader-a");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** A world of fixed answers. */
    private record FixedWorld(Map<String, Boolean> openSessions, boolean ownerAlive, Instant lease)
            implements LeftoverRule.World {
        @Override
        public OwnerId self() {
            return SELF;
        }

        @Override
        public Optional<Boolean> openSessionRuns(String sessionId, String runId) {
            return Optional.ofNullable(openSessions.get(sessionId + "/" + runId))
                    .or(() -> openSessions.keySet().stream().anyMatch(k -> k.startsWith(sessionId + "/"))
                            ? Optional.of(false) : Optional.empty());
        }

        @Override
        public boolean isAlive(OwnerId owner) {
            return ownerAlive;
        }

        @Override
        public Optional<Instant> leaseExpiry(String sessionId) {
            return Optional.ofNullable(lease);
        }

        @Override
        public Instant now() {
            return NOW;
        }
    }

    private static Map<String, String> labels(OwnerId owner, String session, String run) {
        Map<String, String> labels = new HashMap<>();
        labels.put(ManagedLabels.MANAGED, "true");
        labels.put(ManagedLabels.RUN_ID, run);
        if (session != null) {
            labels.put(ManagedLabels.SESSION, session);
        }
        if (owner != null) {
            labels.put(ManagedLabels.OWNER, owner.label());
        }
        return labels;
    }

    private static FixedWorld world() {
        return new FixedWorld(Map.of(), false, null);
    }

    @Test
    void aContainerWithoutSessionOrReadableOwnerIsKept() {
        assertThat(LeftoverRule.judge(labels(SELF, null, "r"), world()).remove()).isFalse();
        assertThat(LeftoverRule.judge(labels(null, "s", "r"), world()).remove()).isFalse();
        Map<String, String> older = labels(null, "s", "r");
        older.put(ManagedLabels.OWNER, "boot-1/100/5000");
        assertThat(LeftoverRule.judge(older, world()).remove()).as("an older gpuenv's 3-part owner").isFalse();
        assertThat(LeftoverRule.judge(Map.of(), world()).remove()).isFalse();
    }

    @Test
    void aContainerStartedToOutliveItsSessionIsKeptWhateverElseHolds() {
        OwnerId dead = new OwnerId("boot-1", "4026531836", 200, 7_000, "loader-b");
        for (OwnerId owner : new OwnerId[] {SELF, dead, new OwnerId("boot-2", "1", 3, 4, "x")}) {
            Map<String, String> labels = labels(owner, "s1", "r1");
            labels.put(ManagedLabels.OUTLIVE, "true");
            // closed session here, a dead visible owner, an invisible owner with a long-lapsed lease
            FixedWorld w = new FixedWorld(Map.of(), false, NOW.minusSeconds(3600));
            LeftoverRule.Verdict v = LeftoverRule.judge(labels, w);
            assertThat(v.remove()).as("owner " + owner).isFalse();
            assertThat(v.why()).contains("outlive");
            labels.put(ManagedLabels.OUTLIVE, "false");
            assertThat(LeftoverRule.judge(labels, w).remove()).as("only the value true keeps it").isTrue();
        }
    }

    @Test
    void thisProcessKeepsARunInProgressOfAnOpenSession() {
        FixedWorld w = new FixedWorld(Map.of("s1/r1", true), false, null);
        LeftoverRule.Verdict v = LeftoverRule.judge(labels(SELF, "s1", "r1"), w);
        assertThat(v.remove()).isFalse();
        assertThat(v.why()).contains("in progress");
    }

    @Test
    void thisProcessRemovesWhatAnOpenSessionNoLongerRuns() {
        FixedWorld w = new FixedWorld(Map.of("s1/r1", true), true, NOW.plusSeconds(60));
        assertThat(LeftoverRule.judge(labels(SELF, "s1", "r-ended"), w).remove()).isTrue();
    }

    @Test
    void thisProcessRemovesWhatAClosedSessionLeft() {
        FixedWorld w = new FixedWorld(Map.of("other/r1", true), true, NOW.plusSeconds(60));
        LeftoverRule.Verdict v = LeftoverRule.judge(labels(SELF, "s-closed", "r1"), w);
        assertThat(v.remove()).isTrue();
        assertThat(v.why()).contains("closed");
    }

    @Test
    void anotherCopyOfGpuenvInThisProcessIsJudgedByItsLease() {
        OwnerId otherLoader = new OwnerId(SELF.bootId(), SELF.pidNamespace(), SELF.pid(), SELF.startMillis(), "b");
        Map<String, String> l = labels(otherLoader, "s2", "r");
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), true, NOW.plusSeconds(1))).remove()).isFalse();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), true, NOW.minusSeconds(1))).remove()).isTrue();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), true, null)).remove()).isFalse();
    }

    @Test
    void aVisibleProcessIsJudgedByWhetherItRunsAndNeverByItsLease() {
        OwnerId sibling = new OwnerId(SELF.bootId(), SELF.pidNamespace(), 200, 7_000, "c");
        Map<String, String> l = labels(sibling, "s3", "r");
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), true, NOW.minusSeconds(600))).remove())
                .as("alive, lease long expired (stopped with SIGSTOP?)").isFalse();
        LeftoverRule.Verdict dead = LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW.plusSeconds(60)));
        assertThat(dead.remove()).as("ended, lease still current").isTrue();
        assertThat(dead.why()).contains("200").contains("ended");
    }

    @Test
    void aProcessInAnotherPidNamespaceIsJudgedByItsLeaseAlone() {
        OwnerId inSiblingContainer = new OwnerId(SELF.bootId(), "4026532999", 100, 5_000, "d");
        Map<String, String> l = labels(inSiblingContainer, "s4", "r");
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW.plusSeconds(30))).remove())
                .as("same pid as ours in its own namespace, lease current").isFalse();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW.minusMillis(1))).remove()).isTrue();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, null)).remove())
                .as("no lease: cannot be proven abandoned").isFalse();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW)).remove())
                .as("a lease that ends now is still current").isFalse();
    }

    @Test
    void anotherHostIsJudgedByItsLeaseAlone() {
        OwnerId remote = new OwnerId("boot-2", SELF.pidNamespace(), 300, 1, "e");
        Map<String, String> l = labels(remote, "s5", "r");
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW.plusSeconds(30))).remove()).isFalse();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, NOW.minusSeconds(30))).remove()).isTrue();
    }

    @Test
    void anOwnerWithoutBootIdOrNamespaceIsNeverCheckedAsAProcess() {
        OwnerId windows = new OwnerId("-", "-", 300, 1, "f");
        Map<String, String> l = labels(windows, "s6", "r");
        OwnerId observer = new OwnerId("-", "-", 1, 1, "g");
        assertThat(windows.checkableFrom(observer)).isFalse();
        assertThat(LeftoverRule.judge(l, new FixedWorld(Map.of(), false, null)).remove()).isFalse();
    }
}
