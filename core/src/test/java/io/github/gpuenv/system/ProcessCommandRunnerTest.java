package io.github.gpuenv.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Real processes (POSIX tools present on every CI machine: sh, cat, printf, sleep). */
class ProcessCommandRunnerTest {

    private final CommandRunner runner = CommandRunner.system();

    @Test
    void capturesStdoutStderrAndExitCodeWithoutAShell() {
        CommandResult r = runner.run(List.of("sh", "-c", "printf 'out;&|$HOME'; printf err >&2; exit 7", "ignored"),
                Duration.ofSeconds(10));
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stdoutText()).isEqualTo("out;&|$HOME");
        assertThat(r.stderrText()).isEqualTo("err");
        assertThat(r.summary()).isEqualTo("exit 7: err");
    }

    @Test
    void argumentsReachTheProgramUnchanged() {
        String odd = "a b \"c\" ;& 'd' Ärger $(x) `y`";
        CommandResult r = runner.run(List.of("printf", "%s", odd), Duration.ofSeconds(10));
        assertThat(r.stdoutText()).isEqualTo(odd);
    }

    @Test
    void missingExecutableIsNotFound() {
        CommandResult r = runner.run(List.of("gpuenv-no-such-program-xyz"), Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.NOT_FOUND);
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void hungProcessIsKilledAtItsTimeout() {
        CommandResult r = runner.run(List.of("sleep", "60"), Duration.ofMillis(300));
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void outputIsBoundedButTheProcessStillFinishes() {
        CommandRequest request = CommandRequest.builder(List.of("sh", "-c", "yes x | head -c 1000000"))
                .maxOutputBytes(1000).timeout(Duration.ofSeconds(20)).build();
        CommandResult r = runner.run(request);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).hasSize(1000);
    }

    @Test
    void stdinAndEnvironmentAreHandedOver() {
        CommandRequest request = CommandRequest.builder(List.of("sh", "-c", "cat; printf \"$GPUENV_T\""))
                .stdin("hello ".getBytes(StandardCharsets.UTF_8)).environment("GPUENV_T", "set")
                .timeout(Duration.ofSeconds(10)).build();
        assertThat(runner.run(request).stdoutText()).isEqualTo("hello set");
    }

    @Test
    void interruptedCallerKillsTheProcessAndKeepsTheFlag() throws Exception {
        AtomicReference<CommandResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(runner.run(List.of("sleep", "60"), Duration.ofSeconds(60)));
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive()) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(20_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(result.get().outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(result.get().detail()).isEqualTo("interrupted");
        assertThat(flag.get()).isTrue();
    }

    @Test
    void outputIsStreamedToTheListenerWhileTheProcessRuns() {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        java.util.concurrent.CountDownLatch firstChunk = new java.util.concurrent.CountDownLatch(1);
        CommandRequest request = CommandRequest.builder(List.of("sh", "-c",
                        "printf 'one\\n'; while [ ! -e \"$0\" ]; do sleep 0.05; done; printf two; printf e >&2",
                        tempMarker()))
                .timeout(Duration.ofSeconds(20))
                .outputListener((stream, bytes) -> {
                    if (stream == OutputListener.Stream.STDOUT) {
                        seen.writeBytes(bytes);
                        firstChunk.countDown();
                    }
                }).build();
        Thread marker = new Thread(() -> {
            try {
                firstChunk.await();
                java.nio.file.Files.writeString(java.nio.file.Path.of(request.argv().get(3)), "go");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        marker.start();

        CommandResult r = runner.run(request);

        // the script only goes on once the listener has seen its first line: streaming, not a replay at the end
        assertThat(r.exitCode()).isZero();
        assertThat(seen.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo");
        assertThat(r.stdoutText()).isEqualTo("one\ntwo");
        assertThat(r.stderrText()).isEqualTo("e");
    }

    @Test
    void aThrowingListenerDoesNotStopTheDrain() {
        CommandRequest request = CommandRequest.builder(List.of("sh", "-c", "yes x | head -c 200000"))
                .timeout(Duration.ofSeconds(20)).outputListener((stream, bytes) -> {
                    throw new IllegalStateException("listener bug");
                }).build();
        CommandResult r = runner.run(request);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).hasSize(200000);
    }

    private static String tempMarker() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gpuenv-stream");
            dir.toFile().deleteOnExit();
            return dir.resolve("go").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
