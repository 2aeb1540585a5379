package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The owner label: its round trip, what it refuses to read, and liveness of real processes. */
class OwnerIdTest {

    @Test
    void theLabelReadsBackAsTheSameOwner() {
        OwnerId self = OwnerId.self();
        assertThat(OwnerId.parse(self.label())).contains(self);
        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void malformedLabelsAreNotOwners() {
        for (String label : new String[] {null, "", "a/b/c", "boot/100/5000", "b/ns/x/1/l", "b/ns/1/x/l", "b/ns/0/1/l",
                "b/ns/-5/1/l", "/ns/1/1/l", "b//1/1/l", "b/ns/1/1/", "b/ns/1/1/l/extra",
                "b/ns/99999999999999999999/1/l", "\u0000/\u0000/1/1/\u0000x"}) {
            if (label != null && label.startsWith("\u0000")) {
                assertThat(OwnerId.parse(label)).as("NULs are text, not a crash").isPresent();
                continue;
            }
            assertThat(OwnerId.parse(label)).as(String.valueOf(label)).isEmpty();
        }
    }

    @Test
    void thisProcessIsAliveAndCheckableOnLinux() {
        OwnerId self = OwnerId.self();
        assertThat(self.bootId()).isNotEqualTo("-");
        assertThat(self.pidNamespace()).matches("[0-9]+");
        assertThat(self.checkableFrom(self)).isTrue();
        assertThat(self.isAlive()).isTrue();
    }

    @Test
    void anEndedProcessAndAReusedPidAreNotAlive() throws Exception {
        Process p = new ProcessBuilder("cat").start();
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        OwnerId self = OwnerId.self();
        assertThat(new OwnerId(self.bootId(), self.pidNamespace(), p.pid(), start, "x").isAlive()).isTrue();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        OwnerId ended = new OwnerId(self.bootId(), self.pidNamespace(), p.pid(), start, "x");
        assertThat(ended.isAlive()).isFalse();
        OwnerId reused = new OwnerId(self.bootId(), self.pidNamespace(), self.pid(), self.startMillis() - 10_000, "x");
        assertThat(reused.isAlive()).as("this pid, but another start time").isFalse();
        assertThat(reused.sameProcessAs(self)).isFalse();
    }

    @Test
    void anotherNamespaceOrBootIsNotCheckable() {
        OwnerId self = OwnerId.self();
        assertThat(new OwnerId(self.bootId(), "1", self.pid(), self.startMillis(), "x").checkableFrom(self)).isFalse();
        assertThat(new OwnerId("other", self.pidNamespace(), 1, 1, "x").checkableFrom(self)).isFalse();
    }
}
